import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Muted } from './Muted';

/**
 * What a card says when it has nothing to list: a short title and why. Not
 * Backstage's EmptyState, whose page-sized illustration and grey panel sat
 * against the edges of the report's table cards.
 */
export function CardEmpty(props: {
  title: string;
  description: string;
  /** For cards without padding (their body is a table): pad the message. */
  inset?: boolean;
}) {
  return (
    <Box p={props.inset ? 2 : 0}>
      <Typography variant="h6" component="p">
        {props.title}
      </Typography>
      <Muted>{props.description}</Muted>
    </Box>
  );
}
