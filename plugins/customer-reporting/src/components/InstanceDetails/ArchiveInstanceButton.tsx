import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
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
import { errorMessage } from '../CustomerActions/errorMessage';
import { useActionPermission } from '../CustomerActions/permissions';

/**
 * "Archive instance" (or "Unarchive instance" for an archived one), for
 * users with the archive permission on the instance's customer; nothing
 * for the others. Disabled, with the rule as the reason, for an instance
 * that may not be archived (active online, not of a development license);
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
  const hintId = `archive-rule-${instance.id}`;

  return (
    <Box mt={2}>
      <Button
        variant="outlined"
        size="small"
        onClick={() => setArchived(archive)}
        disabled={refused || state.loading || reloading}
        aria-describedby={refused ? hintId : undefined}
        startIcon={
          state.loading ? (
            <CircularProgress size={14} aria-label={`${action}: in progress`} />
          ) : undefined
        }
      >
        {action}
      </Button>
      {refused && (
        <Box mt={1}>
          <Typography
            id={hintId}
            variant="body2"
            color="textSecondary"
            component="p"
          >
            {INSTANCE_ARCHIVE_RULE}.
          </Typography>
        </Box>
      )}
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
