import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { FormDialog } from './FormDialog';

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

  return (
    <FormDialog
      id="set-password"
      title="Set portal password"
      submitLabel="Set password"
      busy={state.loading}
      failure={state.error && errorMessage(state.error)}
      onCancel={() => onClose(false)}
      onSubmit={() => {
        setSubmitted(true);
        if (!tooShort) save();
      }}
    >
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
    </FormDialog>
  );
}
