import { makeStyles, Theme } from '@material-ui/core/styles';

/**
 * Dense tables that fit a card at 1280 px: short cells keep to one line and
 * only free text wraps, between words (ReadableTheme keeps the theme from
 * breaking inside words); narrower windows scroll the table.
 */
export const useTableStyles = makeStyles((theme: Theme) => ({
  table: {
    '& th, & td': { padding: theme.spacing(0.75, 1.5) },
    '& th': { whiteSpace: 'nowrap' },
  },
  nowrap: { whiteSpace: 'nowrap' },
  wrap: { minWidth: '14em' },
  clickable: { cursor: 'pointer' },
}));
