import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { CopyTextButton, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';

/**
 * Confirms, generates a Download Portal password and shows it once.
 *
 * @remarks
 * The backend stores only a hash, so this dialog is the one place the
 * password can be read: it stays in this component's state only and is
 * dropped when the dialog closes (the component unmounts).
 */
export function GeneratePasswordDialog(props: {
  customerId: string;
  /** Whether a password exists that the new one will replace. */
  replaces: boolean;
  /** Called on close, with whether a password was generated. */
  onClose: (generated: boolean) => void;
}) {
  const { customerId, replaces, onClose } = props;
  const api = useApi(customerReportingApiRef);
  const [state, generate] = useAsyncFn(
    () => api.generatePortalPassword(customerId),
    [api, customerId],
  );
  const password = state.value?.password;

  return (
    <Dialog
      open
      // A click beside the dialog must not lose a password not yet copied.
      onClose={password ? undefined : () => onClose(false)}
      aria-labelledby="generate-password-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="generate-password-title">
        Generate portal password
      </DialogTitle>
      <DialogContent>
        {!password && (
          <DialogContentText>
            {replaces
              ? 'A new password replaces the current one: the customer can no longer sign in to the Download Portal with the old password.'
              : 'The customer signs in to the Download Portal with this password.'}
          </DialogContentText>
        )}
        {state.loading && <Progress />}
        {state.error && (
          <Alert severity="error" role="alert">
            {errorMessage(state.error)}
          </Alert>
        )}
        {password && (
          <>
            <Alert severity="warning">
              Copy the password now: it will not be shown again.
            </Alert>
            <Box mt={2} display="flex" alignItems="center" style={{ gap: 8 }}>
              <code aria-label="Generated password">{password}</code>
              <CopyTextButton
                text={password}
                tooltipText="Password copied"
                aria-label="Copy password"
              />
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {password ? (
          <Button color="primary" onClick={() => onClose(true)}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={() => onClose(false)}>Cancel</Button>
            <Button
              color="primary"
              variant="contained"
              onClick={generate}
              disabled={state.loading}
            >
              Generate
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
