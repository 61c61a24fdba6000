import { ReactNode } from 'react';
import { makeStyles, Theme } from '@material-ui/core/styles';

const useStyles = makeStyles((theme: Theme) => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, max-content) minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
    ...theme.typography.body2,
  },
  term: {
    color: theme.palette.text.secondary,
  },
  value: {
    margin: 0,
    // Long ids and URLs wrap instead of widening the card.
    overflowWrap: 'anywhere',
  },
}));

/** One labelled value of a {@link DefinitionList}. */
export interface Definition {
  label: string;
  value: ReactNode;
}

/**
 * Label/value pairs as a `<dl>`, so assistive tech reads each value with its
 * label; a grid keeps the values aligned.
 */
export function DefinitionList(props: { items: Definition[] }) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.items.map((item, index) => (
        <div key={`${index}-${item.label}`} style={{ display: 'contents' }}>
          <dt className={classes.term}>{item.label}</dt>
          <dd className={classes.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
