import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { Muted } from './Muted';

/**
 * An instance's tags as `key: value` chips, wrapping within `maxWidth`
 * (default: the container's); 'No tags' when there are none.
 */
export function TagChips(props: {
  tags: [string, string][];
  maxWidth?: number;
}) {
  if (props.tags.length === 0) {
    return <Muted>No tags</Muted>;
  }
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      maxWidth={props.maxWidth}
      style={{ gap: 4 }}
    >
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
    </Box>
  );
}
