import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { customerReportingAlertsManagePermission } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { CardTable, DataCard, DateTimeText, Muted, ToneChip } from '../shared';
import { errorMessage } from '../shared/errorMessage';

const COLUMNS = ['Sent', 'Rule', 'Change', 'Notification', 'To', 'Delivery'];
const MUTE_MS = 24 * 3_600_000;

/**
 * The delivery log: what was sent, to whom, when and about which subject
 * (only about customers the viewer may read), newest first.
 */
export function AlertDeliveriesCard(props: {
  reloadKey?: number;
  /** Called after a subject was muted from the log. */
  onMuted?: () => void;
}) {
  const api = useApi(customerReportingApiRef);
  const alerts = useApi(alertApiRef);
  const { allowed: canManage } = usePermission({
    permission: customerReportingAlertsManagePermission,
  });
  const muteSubject = async (ruleId: string, subject: string) => {
    try {
      await api.muteAlertRule(ruleId, {
        subject,
        until: new Date(Date.now() + MUTE_MS).toISOString(),
      });
      alerts.post({
        message: `${subject} is muted for 24 hours`,
        severity: 'success',
        display: 'transient',
      });
      props.onMuted?.();
    } catch (e) {
      alerts.post({
        message: `Mute failed: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  };
  const state = useAsyncRetry(
    () => api.listAlertDeliveries({ limit: 100 }),
    [api, props.reloadKey],
  );
  return (
    <DataCard title="Delivery log" state={state} noPadding>
      {({ items }) => (
        <CardTable
          label="Alert deliveries"
          columns={canManage ? [...COLUMNS, 'Actions'] : COLUMNS}
          empty="Nothing has been sent yet."
          rows={items}
        >
          {d => (
            <TableRow key={`${d.ruleId}|${d.subject}|${d.sentAt}|${d.kind}`}>
              <TableCell>
                <DateTimeText iso={d.sentAt} />
              </TableCell>
              <TableCell>{d.ruleName}</TableCell>
              <TableCell>
                {d.kind === 'firing' ? (
                  <ToneChip label="Alert" tone="error" />
                ) : (
                  <ToneChip label="Recovered" tone="success" />
                )}
              </TableCell>
              <TableCell>
                {d.title}
                <br />
                <Muted>subject {d.subject}</Muted>
              </TableCell>
              <TableCell>{d.recipients.join(', ')}</TableCell>
              <TableCell>
                {d.error ? (
                  <ToneChip label={`Failed: ${d.error}`} tone="error" />
                ) : (
                  <ToneChip label="Sent" tone="success" />
                )}
              </TableCell>
              {canManage && (
                <TableCell>
                  <Button
                    size="small"
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={`Mute ${d.subject} for 24 hours`}
                    onClick={() => muteSubject(d.ruleId, d.subject)}
                  >
                    Mute 24 h
                  </Button>
                </TableCell>
              )}
            </TableRow>
          )}
        </CardTable>
      )}
    </DataCard>
  );
}
