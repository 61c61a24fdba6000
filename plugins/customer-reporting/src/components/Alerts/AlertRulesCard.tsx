import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AlertRule,
  AlertRuleInput,
  customerReportingAlertsManagePermission,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { CardTable, DataCard, DateTimeText, Muted, ToneChip } from '../shared';
import { AlertRuleDialog } from './AlertRuleDialog';
import {
  describeFilters,
  describeRecipientReads,
  describeThreshold,
  EVENT_TYPE_LABELS,
  ruleMute,
  subjectMutes,
} from './alertRuleText';
import { errorMessage } from '../shared/errorMessage';

const MUTE_MS = 24 * 3_600_000;
const COLUMNS = ['Rule', 'Event', 'Customers', 'Recipients', 'State'];

/** A fresh rule id from its name: readable in logs, unique enough. */
function newRuleId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'rule'}-${Math.random().toString(36).slice(2, 8)}`;
}

function RuleState(props: { rule: AlertRule }) {
  const mute = ruleMute(props.rule, Date.now());
  if (!props.rule.enabled) return <ToneChip label="Disabled" tone="neutral" />;
  if (mute)
    return (
      <>
        <ToneChip label="Muted" tone="warning" /> until{' '}
        <DateTimeText iso={mute.until} />
      </>
    );
  return <ToneChip label="Active" tone="success" />;
}

/**
 * The alert rules, and for those allowed to manage them: new, edit, mute
 * for 24 hours (or unmute) and delete.
 */
export function AlertRulesCard(props: {
  reloadKey?: number;
  onChange?: () => void;
}) {
  const api = useApi(customerReportingApiRef);
  const alerts = useApi(alertApiRef);
  const { allowed: canManage } = usePermission({
    permission: customerReportingAlertsManagePermission,
  });
  const state = useAsyncRetry(
    () => api.listAlertRules(),
    [api, props.reloadKey],
  );
  const [editing, setEditing] = useState<AlertRule | 'new'>();

  const act = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
      state.retry();
      props.onChange?.();
    } catch (e) {
      alerts.post({
        message: `${what} failed: ${errorMessage(e)}`,
        severity: 'error',
      });
    }
  };
  const save = async (input: AlertRuleInput) => {
    const id =
      editing === 'new' || !editing ? newRuleId(input.name) : editing.id;
    await api.putAlertRule(id, input);
    setEditing(undefined);
    state.retry();
  };

  return (
    <DataCard
      title="Alert rules"
      subheader="Who is notified of what, through Backstage notifications"
      action={
        canManage && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setEditing('new')}
          >
            New rule
          </Button>
        )
      }
      state={state}
      noPadding
    >
      {({ items }) => (
        <>
          <CardTable
            label="Alert rules"
            columns={canManage ? [...COLUMNS, 'Actions'] : COLUMNS}
            empty="No alert rules yet."
            rows={items}
          >
            {rule => (
              <TableRow key={rule.id}>
                <TableCell>{rule.name}</TableCell>
                <TableCell>
                  {EVENT_TYPE_LABELS[rule.eventType]}
                  {describeThreshold(rule.eventType, rule.threshold) && (
                    <Muted>
                      {' '}
                      · {describeThreshold(rule.eventType, rule.threshold)}
                    </Muted>
                  )}
                </TableCell>
                <TableCell>
                  {describeFilters(rule.filters, rule.hiddenCustomerIds)}
                </TableCell>
                <TableCell>
                  {rule.recipients.length > 0 ? (
                    <>
                      {rule.recipients.join(', ')}
                      <Box mt={0.5}>
                        <Muted>{describeRecipientReads(rule)}</Muted>
                      </Box>
                    </>
                  ) : (
                    <Muted>Customer's owner</Muted>
                  )}
                </TableCell>
                <TableCell>
                  <RuleState rule={rule} />
                  {subjectMutes(rule, Date.now()).map(mute => (
                    <Box key={mute.subject} mt={0.5}>
                      <Muted>
                        {mute.subject} muted until{' '}
                        <DateTimeText iso={mute.until} />
                      </Muted>
                      {canManage && (
                        <Button
                          size="small"
                          aria-label={`Unmute ${mute.subject}`}
                          onClick={() =>
                            act('Unmute', () =>
                              api.unmuteAlertRule(rule.id, mute.subject),
                            )
                          }
                        >
                          Unmute
                        </Button>
                      )}
                    </Box>
                  ))}
                </TableCell>
                {canManage && (
                  <TableCell>
                    <Box
                      display="flex"
                      style={{ gap: 4, whiteSpace: 'nowrap' }}
                    >
                      <Button size="small" onClick={() => setEditing(rule)}>
                        Edit
                      </Button>
                      {ruleMute(rule, Date.now()) ? (
                        <Button
                          size="small"
                          onClick={() =>
                            act('Unmute', () => api.unmuteAlertRule(rule.id))
                          }
                        >
                          Unmute
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          onClick={() =>
                            act('Mute', () =>
                              api.muteAlertRule(rule.id, {
                                subject: null,
                                until: new Date(
                                  Date.now() + MUTE_MS,
                                ).toISOString(),
                              }),
                            )
                          }
                        >
                          Mute 24 h
                        </Button>
                      )}
                      <Button
                        size="small"
                        onClick={() =>
                          act('Delete', () => api.deleteAlertRule(rule.id))
                        }
                        aria-label={`Delete ${rule.name}`}
                      >
                        Delete
                      </Button>
                    </Box>
                  </TableCell>
                )}
              </TableRow>
            )}
          </CardTable>
          {editing && (
            <AlertRuleDialog
              rule={editing === 'new' ? undefined : editing}
              onSave={save}
              onClose={() => setEditing(undefined)}
            />
          )}
        </>
      )}
    </DataCard>
  );
}
