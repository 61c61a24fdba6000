import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ResponseErrorPanel } from '@backstage/core-components';
import {
  ALERT_EVENT_TYPES,
  ALERT_THRESHOLDS,
  AlertEventType,
  AlertRule,
  AlertRuleFilters,
  AlertRuleInput,
} from '@customer-reporting/plugin-customer-reporting-common';
import { EVENT_TYPE_LABELS, splitList } from './alertRuleText';

const FILTER_FIELDS: [keyof AlertRuleFilters, string][] = [
  ['appSlugs', 'Apps (slugs)'],
  ['channelSlugs', 'Channels (slugs)'],
  ['licenseTypes', 'License types'],
  ['customerIds', 'Customer IDs'],
  ['owners', 'Owners (entity refs)'],
];

interface FormState {
  name: string;
  eventType: AlertEventType;
  threshold: string;
  filters: Record<keyof AlertRuleFilters, string>;
  recipients: string;
  enabled: boolean;
}

function toForm(rule?: AlertRule): FormState {
  return {
    name: rule?.name ?? '',
    eventType: rule?.eventType ?? 'instance-unavailable',
    threshold: rule?.threshold === null || !rule ? '' : String(rule.threshold),
    filters: Object.fromEntries(
      FILTER_FIELDS.map(([key]) => [key, rule?.filters[key].join(', ') ?? '']),
    ) as FormState['filters'],
    recipients: rule?.recipients.join(', ') ?? '',
    enabled: rule?.enabled ?? true,
  };
}

function toInput(form: FormState): AlertRuleInput {
  return {
    name: form.name.trim(),
    eventType: form.eventType,
    threshold:
      ALERT_THRESHOLDS[form.eventType] && form.threshold.trim() !== ''
        ? Number(form.threshold)
        : null,
    filters: Object.fromEntries(
      FILTER_FIELDS.map(([key]) => [key, splitList(form.filters[key])]),
    ) as unknown as AlertRuleFilters,
    recipients: splitList(form.recipients),
    enabled: form.enabled,
  };
}

/**
 * Creates a rule or edits one. The backend validates (a 400 names the
 * field) and the error is shown in the dialog, which stays open.
 */
export function AlertRuleDialog(props: {
  rule?: AlertRule;
  onSave: (input: AlertRuleInput) => Promise<void>;
  onClose: () => void;
}) {
  const { rule, onSave, onClose } = props;
  const [form, setForm] = useState(() => toForm(rule));
  const [error, setError] = useState<Error>();
  const [saving, setSaving] = useState(false);
  const threshold = ALERT_THRESHOLDS[form.eventType];

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await onSave(toInput(form));
    } catch (e) {
      setError(e as Error);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{rule ? `Edit ${rule.name}` : 'New alert rule'}</DialogTitle>
      <DialogContent>
        {error && <ResponseErrorPanel error={error} />}
        <TextField
          id="alert-rule-name"
          label="Name"
          value={form.name}
          onChange={e => setForm({ ...form, name: e.target.value })}
          fullWidth
          margin="dense"
          required
        />
        <TextField
          id="alert-rule-event"
          select
          label="Event"
          value={form.eventType}
          onChange={e =>
            setForm({ ...form, eventType: e.target.value as AlertEventType })
          }
          fullWidth
          margin="dense"
          helperText={
            rule && form.eventType !== rule.eventType
              ? 'Another event: the alerts this rule has open end without a recovery.'
              : undefined
          }
        >
          {ALERT_EVENT_TYPES.map(type => (
            <MenuItem key={type} value={type}>
              {EVENT_TYPE_LABELS[type]}
            </MenuItem>
          ))}
        </TextField>
        {threshold && (
          <TextField
            id="alert-rule-threshold"
            label={`Threshold (${threshold.unit})`}
            type="number"
            placeholder={String(threshold.default)}
            helperText={`Empty: the default, ${threshold.default} ${threshold.unit}`}
            value={form.threshold}
            onChange={e => setForm({ ...form, threshold: e.target.value })}
            fullWidth
            margin="dense"
          />
        )}
        {FILTER_FIELDS.map(([key, label]) => (
          <TextField
            key={key}
            id={`alert-rule-${key}`}
            label={label}
            helperText={
              key === 'customerIds' && rule?.hiddenCustomerIds
                ? `Comma-separated; the rule also keeps ${rule.hiddenCustomerIds} you may not read`
                : 'Comma-separated; empty matches every customer'
            }
            value={form.filters[key]}
            onChange={e =>
              setForm({
                ...form,
                filters: { ...form.filters, [key]: e.target.value },
              })
            }
            fullWidth
            margin="dense"
          />
        ))}
        <TextField
          id="alert-rule-recipients"
          label="Recipients (user or group entity refs)"
          // The backend bounds named recipients by the saver's customer
          // reads (docs/alerts.md): say so where they are chosen.
          helperText="Comma-separated; empty: each customer's owner. Named recipients hear only of customers you may read."
          value={form.recipients}
          onChange={e => setForm({ ...form, recipients: e.target.value })}
          fullWidth
          margin="dense"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={form.enabled}
              onChange={e => setForm({ ...form, enabled: e.target.checked })}
            />
          }
          label="Enabled"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving || form.name.trim() === ''}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
