import { makeStyles, Theme } from '@material-ui/core/styles';

/**
 * Dense tables that fit a card at 1280 px: the theme lets cells break
 * anywhere, which split short headers and labels mid-word ('Durati on');
 * short cells keep to one line and only free text wraps.
 */
export const useTableStyles = makeStyles((theme: Theme) => ({
  table: {
    '& th, & td': { padding: theme.spacing(0.75, 1.5) },
    '& th': { whiteSpace: 'nowrap' },
  },
  nowrap: { whiteSpace: 'nowrap' },
  wrap: { overflowWrap: 'anywhere', minWidth: '6em' },
}));
