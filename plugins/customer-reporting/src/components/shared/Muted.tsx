import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';

/** Secondary text for placeholders such as 'Never' or 'No tags'. */
export function Muted(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {props.children}
    </Typography>
  );
}
