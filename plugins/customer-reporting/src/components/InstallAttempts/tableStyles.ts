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
  // The least a free-text cell keeps before it stops wrapping: 9em lets the
  // attempts list's four such cells (customer, start, environment, version)
  // share a 1280 px window's card with its five short ones, where 14em made
  // it 1211 px wide in 1008. Wider windows give them more by themselves (the
  // table fills its card); narrow windows also hide columns, so 8em.
  wrap: { minWidth: '9em', [`@media ${NARROW_WINDOW}`]: { minWidth: '8em' } },
  clickable: { cursor: 'pointer' },
}));
