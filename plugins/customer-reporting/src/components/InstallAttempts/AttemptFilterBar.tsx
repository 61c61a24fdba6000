import { ChangeEvent, useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';
import {
  INSTALL_ATTEMPT_STATUSES,
  InstallAttemptStatus,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  ATTEMPT_STATUS_DISPLAY,
  INSTALL_TYPE_LABELS,
  NETWORK_MODE_LABELS,
  REGISTRY_LABELS,
  statusLabel,
  stepLabel,
} from './labels';
import { FilterSelect } from '../shared';
import {
  AttemptFilterValues,
  INSTALL_TYPES,
  NETWORK_MODES,
  REGISTRIES,
} from './useAttemptFilters';

/** Wait after the last keystroke before a text filter reloads the page. */
const TEXT_DEBOUNCE_MS = 400;

type TextKey = 'appSlug' | 'channelSlug' | 'k8sDistribution' | 'os';
type ChoiceKey = 'installType' | 'networkMode' | 'registry';

/** Text field reporting its value once typing pauses (one reload, not ten). */
function DebouncedField(props: {
  name: TextKey | 'appVersion';
  label: string;
  value: string;
  /** The backend's limit for this parameter; longer input would be a 400. */
  maxLength: number;
  onChange: (value: string) => void;
}) {
  const { name, label, value, maxLength, onChange } = props;
  const [text, setText] = useState(value);
  // Follow outside changes (back button, "Clear filters").
  useEffect(() => setText(value), [value]);
  useDebounce(
    () => {
      if (text.trim() !== value) onChange(text.trim());
    },
    TEXT_DEBOUNCE_MS,
    [text],
  );
  return (
    <TextField
      id={`install-attempts-${name}`}
      label={label}
      value={text}
      onChange={(e: ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
      inputProps={{ maxLength }}
      variant="outlined"
      size="small"
      fullWidth
    />
  );
}

function ChoiceField(props: {
  name: ChoiceKey;
  label: string;
  value: string | undefined;
  options: readonly string[];
  labels: Record<string, string>;
  onChange: (value: string | undefined) => void;
}) {
  const { name, label, value, options, labels, onChange } = props;
  return (
    <FilterSelect
      id={`install-attempts-${name}`}
      label={label}
      value={value}
      options={options.map(option => ({
        value: option,
        label: labels[option] ?? option,
      }))}
      onChange={onChange}
    />
  );
}

/**
 * The filters above the install audit; every section and the CSV export use
 * them. Fields carry ids so their labels are tied to the inputs.
 */
export function AttemptFilterBar(props: {
  filters: AttemptFilterValues;
  onChange: (patch: Partial<AttemptFilterValues>) => void;
  onClear: () => void;
  hasFilters: boolean;
}) {
  const { filters, onChange, onClear, hasFilters } = props;
  const item = { item: true, xs: 12, sm: 6, md: 3, lg: 2 } as const;
  const choice = (
    name: ChoiceKey,
    label: string,
    options: readonly string[],
    labels: Record<string, string>,
  ) => (
    <Grid {...item}>
      <ChoiceField
        name={name}
        label={label}
        value={filters[name]}
        options={options}
        labels={labels}
        onChange={value => onChange({ [name]: value })}
      />
    </Grid>
  );
  const text = (name: TextKey | 'appVersion', label: string, max: number) => (
    <Grid {...item}>
      <DebouncedField
        name={name}
        label={label}
        value={filters[name]}
        maxLength={max}
        onChange={value => onChange({ [name]: value })}
      />
    </Grid>
  );
  const date = (name: 'from' | 'to', label: string) => (
    <Grid {...item}>
      <TextField
        id={`install-attempts-${name}`}
        label={label}
        type="date"
        value={filters[name]}
        onChange={e => onChange({ [name]: e.target.value })}
        InputLabelProps={{ shrink: true }}
        variant="outlined"
        size="small"
        fullWidth
      />
    </Grid>
  );

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid {...item}>
        <TextField
          select
          id="install-attempts-status"
          label="Status"
          value={filters.status}
          // A multiple select hands over an array despite the string type.
          onChange={e =>
            onChange({
              status: e.target.value as unknown as InstallAttemptStatus[],
            })
          }
          SelectProps={{
            multiple: true,
            renderValue: selected =>
              (selected as InstallAttemptStatus[]).length
                ? (selected as InstallAttemptStatus[])
                    .map(statusLabel)
                    .join(', ')
                : 'All',
            displayEmpty: true,
          }}
          InputLabelProps={{ shrink: true }}
          variant="outlined"
          size="small"
          fullWidth
        >
          {INSTALL_ATTEMPT_STATUSES.map(status => (
            <MenuItem key={status} value={status}>
              <Checkbox
                size="small"
                checked={filters.status.includes(status)}
                style={{ padding: 0, marginRight: 8 }}
              />
              <ListItemText primary={ATTEMPT_STATUS_DISPLAY[status].label} />
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {choice(
        'installType',
        'Install type',
        INSTALL_TYPES,
        INSTALL_TYPE_LABELS,
      )}
      {choice(
        'networkMode',
        'Network mode',
        NETWORK_MODES,
        NETWORK_MODE_LABELS,
      )}
      {choice('registry', 'Registry', REGISTRIES, REGISTRY_LABELS)}
      {text('appSlug', 'App', 100)}
      {text('channelSlug', 'Channel', 100)}
      {text('k8sDistribution', 'K8s distribution', 50)}
      {text('os', 'OS', 50)}
      {text('appVersion', 'App version', 100)}
      {date('from', 'Started from')}
      {date('to', 'Started until')}
      {(filters.step || filters.reason) && (
        <Grid item>
          <Chip
            label={`Failure group: ${[
              filters.step && stepLabel(filters.step),
              filters.reason,
            ]
              .filter(Boolean)
              .join(' · ')}`}
            onDelete={() => onChange({ step: '', reason: '' })}
          />
        </Grid>
      )}
      <Grid {...item}>
        <Button onClick={onClear} disabled={!hasFilters}>
          Clear filters
        </Button>
      </Grid>
    </Grid>
  );
}
