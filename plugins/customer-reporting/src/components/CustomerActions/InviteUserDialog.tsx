import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { hasStatus } from '../shared/errorStatus';
import { FormDialog } from './FormDialog';

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

  let failure: string | undefined;
  if (state.error) {
    failure = hasStatus(state.error, 409)
      ? `${trimmed} has already been invited`
      : errorMessage(state.error);
  }

  return (
    <FormDialog
      id="invite-user"
      title="Invite user"
      submitLabel="Invite"
      busy={state.loading}
      failure={failure}
      onCancel={() => onClose(false)}
      onSubmit={() => {
        setSubmitted(true);
        if (!invalid) invite();
      }}
    >
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
    </FormDialog>
  );
}
