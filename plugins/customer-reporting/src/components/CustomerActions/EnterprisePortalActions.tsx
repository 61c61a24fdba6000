import { useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import { ReportPortal } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { ActionButton } from './ActionButton';
import { errorMessage } from '../shared/errorMessage';
import { FormDialog } from './FormDialog';
import { InviteUserDialog } from './InviteUserDialog';
import { useActionPermission } from './permissions';

type PortalUser = Extract<ReportPortal, { kind: 'enterprise' }>['users'][0];

/**
 * The Enterprise Portal on/off switch, for the portal card's header: the
 * report then shows the enterprise or the download portal. The switch
 * changes which portal the customer uses, so it asks first.
 */
export function EnterprisePortalSwitch(props: {
  customerId: string;
  enabled: boolean;
  onChanged: () => void;
}) {
  const { customerId, enabled, onChanged } = props;
  const api = useApi(customerReportingApiRef);
  const permission = useActionPermission('invite', customerId);
  // The state the user asked for, until confirmed or cancelled.
  const [asked, setAsked] = useState<boolean | undefined>();

  const [state, confirm] = useAsyncFn(
    async (enable: boolean) => {
      await api.setEnterprisePortal(customerId, enable);
      setAsked(undefined);
      onChanged();
    },
    [api, customerId, onChanged],
  );

  const control = (
    <FormControlLabel
      // Short label beside the card title; the full name for screen readers.
      label="Enterprise"
      control={
        <Switch
          color="primary"
          inputProps={{ 'aria-label': 'Enterprise portal' }}
          checked={enabled}
          onChange={(_, checked) => setAsked(checked)}
          disabled={Boolean(permission.disabledReason) || state.loading}
        />
      }
    />
  );
  const dialog = asked !== undefined && (
    <FormDialog
      id="enterprise-portal-switch"
      title={
        asked
          ? 'Switch to the Enterprise Portal?'
          : 'Switch back to the Download Portal?'
      }
      submitLabel={
        asked ? 'Switch to Enterprise Portal' : 'Switch to Download Portal'
      }
      busy={state.loading}
      failure={
        state.error &&
        `Could not ${
          asked ? 'enable' : 'disable'
        } the Enterprise Portal: ${errorMessage(state.error)}`
      }
      onCancel={() => setAsked(undefined)}
      onSubmit={() => confirm(asked)}
    >
      <Typography>
        {asked
          ? 'The customer then gets the Enterprise Portal (users, service accounts, install attempts) instead of the Download Portal.'
          : 'The customer then gets the Download Portal; Enterprise Portal users lose access.'}
      </Typography>
    </FormDialog>
  );
  if (!permission.disabledReason) {
    return (
      <>
        {control}
        {dialog}
      </>
    );
  }
  return (
    <Tooltip title={permission.disabledReason}>
      <span>{control}</span>
    </Tooltip>
  );
}

function usersSummary(users: PortalUser[]): string {
  const pending = users.filter(u => u.status === 'invited').length;
  const noun = users.length === 1 ? 'user' : 'users';
  return `${users.length} ${noun} · ${pending} pending`;
}

/**
 * The Enterprise Portal card's user count, pending invitations and the
 * "Invite user" button; `onChanged` reloads the report after an invitation.
 */
export function EnterprisePortalActions(props: {
  customerId: string;
  users: PortalUser[];
  onChanged: () => void;
}) {
  const { customerId, users, onChanged } = props;
  const permission = useActionPermission('invite', customerId);
  const [inviting, setInviting] = useState(false);
  const pending = users.filter(u => u.status === 'invited');

  return (
    <Box mt={2}>
      <Typography variant="body2" aria-label="Portal users">
        {usersSummary(users)}
      </Typography>
      {pending.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" id="pending-invitations">
            Pending invitations
          </Typography>
          <Box
            component="ul"
            aria-labelledby="pending-invitations"
            m={0}
            pl={2}
          >
            {pending.map(user => (
              <li key={user.email}>
                <Typography variant="body2">{user.email}</Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
      <Box mt={2}>
        <ActionButton
          onClick={() => setInviting(true)}
          disabledReason={permission.disabledReason}
        >
          Invite user
        </ActionButton>
      </Box>
      {inviting && (
        <InviteUserDialog
          customerId={customerId}
          onClose={invited => {
            setInviting(false);
            if (invited) onChanged();
          }}
        />
      )}
    </Box>
  );
}
