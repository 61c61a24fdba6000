import { makeStyles, Theme } from '@material-ui/core/styles';
import { NARROW_WINDOW } from '../shared';

/**
 * Dense tables that fit a card at 1280 px: short cells keep to one line and
 * only free text wraps, between words (ReadableTheme keeps the theme from
 * breaking inside words); narrower windows hide secondary columns
 * (shared/narrowColumns.tsx) and give free text less room.
 */
export const useTableStyles = makeStyles((theme: Theme) => ({
  table: {
    '& th, & td': { padding: theme.spacing(0.75, 1.5) },
    '& th': { whiteSpace: 'nowrap' },
  },
  nowrap: { whiteSpace: 'nowrap' },
  // Narrow windows also hide columns; free text then gets less room.
  wrap: { minWidth: '14em', [`@media ${NARROW_WINDOW}`]: { minWidth: '8em' } },
  clickable: { cursor: 'pointer' },
}));
