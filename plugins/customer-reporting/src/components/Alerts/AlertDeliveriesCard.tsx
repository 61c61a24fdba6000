import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import { CardTable, DataCard, DateTimeText, Muted, ToneChip } from '../shared';

const COLUMNS = ['Sent', 'Rule', 'Change', 'Notification', 'To', 'Delivery'];

/**
 * The delivery log: what was sent, to whom, when and about which subject
 * (only about customers the viewer may read), newest first.
 */
export function AlertDeliveriesCard(props: { reloadKey?: number }) {
  const api = useApi(customerReportingApiRef);
  const state = useAsyncRetry(
    () => api.listAlertDeliveries({ limit: 100 }),
    [api, props.reloadKey],
  );
  return (
    <DataCard title="Delivery log" state={state} noPadding>
      {({ items }) => (
        <CardTable
          label="Alert deliveries"
          columns={COLUMNS}
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
            </TableRow>
          )}
        </CardTable>
      )}
    </DataCard>
  );
}
