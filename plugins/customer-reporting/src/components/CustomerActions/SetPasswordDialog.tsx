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
import { errorMessage } from './errorMessage';

/** The backend's minimum (docs/permissions.md); checked here to save a trip. */
export const MIN_PASSWORD_LENGTH = 12;

/** Sets a Download Portal password the user chose. */
export function SetPasswordDialog(props: {
  customerId: string;
  onClose: (saved: boolean) => void;
}) {
  const { customerId, onClose } = props;
  const api = useApi(customerReportingApiRef);
  const [password, setPassword] = useState('');
  // Validation shows after the first submit, not while the user starts typing.
  const [submitted, setSubmitted] = useState(false);
  const tooShort = password.length < MIN_PASSWORD_LENGTH;

  const [state, save] = useAsyncFn(async () => {
    await api.setPortalPassword(customerId, password);
    onClose(true);
  }, [api, customerId, password, onClose]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!tooShort) save();
  };

  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      aria-labelledby="set-password-title"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="set-password-title">Set portal password</DialogTitle>
        <DialogContent>
          <TextField
            id="portal-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={e => setPassword(e.target.value)}
            error={submitted && tooShort}
            helperText={
              submitted && tooShort
                ? `At least ${MIN_PASSWORD_LENGTH} characters (${password.length} so far)`
                : `At least ${MIN_PASSWORD_LENGTH} characters`
            }
            fullWidth
          />
          {state.error && (
            <Alert severity="error" role="alert" style={{ marginTop: 16 }}>
              {errorMessage(state.error)}
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
            Set password
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
