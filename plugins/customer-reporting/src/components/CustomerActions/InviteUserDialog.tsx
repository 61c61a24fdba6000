import { FormEvent, useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { errorMessage, errorStatus } from './errorMessage';

// Deliberately loose (something@domain.tld): the backend validates for real;
// this only catches typos before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites a user to the customer's Enterprise Portal by email. */
export function InviteUserDialog(props: {
  customerId: string;
  onClose: (invited: boolean) => void;
}) {
  const { customerId, onClose } = props;
  const api = useApi(customerReportingApiRef);
  const [email, setEmail] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const trimmed = email.trim();
  const invalid = !EMAIL.test(trimmed);

  const [state, invite] = useAsyncFn(async () => {
    await api.invitePortalUser(customerId, trimmed);
    onClose(true);
  }, [api, customerId, trimmed, onClose]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!invalid) invite();
  };

  let failure: string | undefined;
  if (state.error) {
    failure =
      errorStatus(state.error) === 409
        ? `${trimmed} has already been invited`
        : errorMessage(state.error);
  }

  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      aria-labelledby="invite-user-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="invite-user-title">Invite user</DialogTitle>
        <DialogContent>
          <TextField
            id="invite-email"
            label="Email"
            type="email"
            value={email}
            onChange={e => setEmail(e.target.value)}
            error={submitted && invalid}
            helperText={
              submitted && invalid
                ? 'Enter an email address such as name@example.com'
                : 'The user gets an invitation to the Enterprise Portal'
            }
            fullWidth
          />
          {failure && (
            <Alert severity="error" role="alert" style={{ marginTop: 16 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={state.loading}
          >
            Invite
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
