import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import {
  INSTANCE_ARCHIVE_RULE,
  InstanceDetails,
  mayArchiveInstance,
  ReportInstance,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { ActionButton } from '../CustomerActions/ActionButton';
import { errorMessage } from '../shared/errorMessage';
import { useActionPermission } from '../CustomerActions/permissions';

/**
 * "Archive instance" (or "Unarchive instance" for an archived one), for
 * users with the archive permission on the instance's customer; nothing
 * for the others. Disabled for an instance that may not be archived (active
 * online, not of a development license), with the rule in a tooltip behind
 * an info icon and as the button's description: most active instances are
 * in that case, so a sentence under each would be noise;
 * should the backend still refuse (the instance changed meanwhile), its
 * message is shown. Unarchiving is always allowed.
 */
export function ArchiveInstanceButton(props: {
  instance: ReportInstance;
  customer: Pick<InstanceDetails['customer'], 'id' | 'licenseType'>;
  /** Reloads the instance details after a change. */
  onChanged: () => void;
  /** The details are reloading: the button waits for the new state. */
  reloading?: boolean;
}) {
  const { instance, customer, onChanged, reloading } = props;
  const api = useApi(customerReportingApiRef);
  const permission = useActionPermission('archive', customer.id);

  const [state, setArchived] = useAsyncFn(
    async (archived: boolean) => {
      await api.setInstanceArchived(instance.id, archived);
      onChanged();
    },
    [api, instance.id, onChanged],
  );

  if (!permission.allowed) return null;

  const archive = !instance.archived;
  const action = archive ? 'Archive instance' : 'Unarchive instance';
  const refused =
    archive && !mayArchiveInstance(instance, customer.licenseType);

  return (
    <Box mt={2}>
      <ActionButton
        onClick={() => setArchived(archive)}
        disabledReason={refused ? `${INSTANCE_ARCHIVE_RULE}.` : undefined}
        infoIcon
        busy={state.loading || reloading}
        startIcon={
          state.loading ? (
            <CircularProgress size={14} aria-label={`${action}: in progress`} />
          ) : undefined
        }
      >
        {action}
      </ActionButton>
      {state.error && (
        <Box mt={1}>
          <Typography role="alert" variant="body2" color="error">
            Could not {archive ? 'archive' : 'unarchive'} the instance:{' '}
            {errorMessage(state.error)}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
