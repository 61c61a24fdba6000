import Box from '@material-ui/core/Box';
import { ReportPortal } from '@customer-reporting/plugin-customer-reporting-common';
import { DateTimeText, DefinitionList, Muted, ToneChip } from '../shared';

type EnterprisePortal = Extract<ReportPortal, { kind: 'enterprise' }>;

function Users(props: { users: EnterprisePortal['users'] }) {
  if (props.users.length === 0) {
    return <Muted>No users invited</Muted>;
  }
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {props.users.map(user => (
        <Box
          component="li"
          key={user.email}
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          mb={0.5}
          style={{ gap: 8 }}
        >
          <span>{user.email}</span>
          <ToneChip
            label={user.status === 'joined' ? 'Joined' : 'Invited'}
            tone={user.status === 'joined' ? 'success' : 'neutral'}
            ariaLabel={`${user.email}: ${user.status}`}
          />
        </Box>
      ))}
    </Box>
  );
}

/** Every field of an enterprise portal: access, users and delivery. */
export function EnterprisePortalDetails(props: { portal: EnterprisePortal }) {
  const { portal } = props;
  const never = 'Never';
  return (
    <DefinitionList
      items={[
        {
          label: 'Status',
          value:
            portal.status === 'accessed' ? (
              <ToneChip label="Accessed" tone="success" />
            ) : (
              <ToneChip label="Not accessed" tone="neutral" />
            ),
        },
        {
          label: 'Last accessed',
          value: (
            <DateTimeText iso={portal.lastAccessedAt} placeholder={never} />
          ),
        },
        { label: 'Users', value: <Users users={portal.users} /> },
        { label: 'Service accounts', value: portal.serviceAccounts },
        { label: 'Support bundles', value: portal.supportBundles },
        { label: 'Install attempts', value: portal.installAttempts },
        {
          label: 'First access',
          value: (
            <DateTimeText
              iso={portal.delivery.firstAccessAt}
              placeholder={never}
            />
          ),
        },
        {
          label: 'First image pull',
          value: (
            <DateTimeText
              iso={portal.delivery.firstPullAt}
              placeholder={never}
            />
          ),
        },
        {
          label: 'Latest image pull',
          value: (
            <DateTimeText
              iso={portal.delivery.latestPullAt}
              placeholder={never}
            />
          ),
        },
      ]}
    />
  );
}
