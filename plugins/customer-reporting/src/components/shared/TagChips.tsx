import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Muted } from './Muted';

// A static class rather than Box, which writes a style rule for each use:
// the instances table has tags in every row.
const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: 4 },
});

/**
 * An instance's tags as `key: value` chips, wrapping within `maxWidth`
 * (default: the container's); 'No tags' when there are none.
 */
export function TagChips(props: {
  tags: [string, string][];
  maxWidth?: number;
}) {
  const classes = useStyles();
  if (props.tags.length === 0) {
    return <Muted>No tags</Muted>;
  }
  return (
    <div className={classes.chips} style={{ maxWidth: props.maxWidth }}>
      {props.tags.map(([key, value]) => (
        <Chip
          key={key}
          size="small"
          variant="outlined"
          label={`${key}: ${value}`}
          // Long tags are cut off with an ellipsis: the whole tag on hover.
          title={`${key}: ${value}`}
        />
      ))}
    </div>
  );
}
