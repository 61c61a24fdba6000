import { FormEvent, ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';

/**
 * A dialog around a one-step form: title, the fields, the failure of the
 * last submit, and Cancel / submit buttons (submit disabled while busy).
 * The form does its own validation (`noValidate`) and calls `onSubmit`.
 */
export function FormDialog(props: {
  id: string;
  title: string;
  submitLabel: string;
  busy: boolean;
  failure?: string;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const titleId = `${props.id}-title`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Dialog
      open
      onClose={props.onCancel}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          {props.children}
          {props.failure && (
            <Alert severity="error" role="alert" style={{ marginTop: 16 }}>
              {props.failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onCancel}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={props.busy}
          >
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
