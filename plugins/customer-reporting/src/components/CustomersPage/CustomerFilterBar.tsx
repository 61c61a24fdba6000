import { ChangeEvent, ReactNode, useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import useDebounce from 'react-use/esm/useDebounce';
import {
  CUSTOMER_STATUS_FILTERS,
  CustomerApp,
  CustomerStatusFilter,
  LICENSE_TYPES,
  LICENSE_TYPE_LABELS,
  LicenseType,
} from '@customer-reporting/plugin-customer-reporting-common';
import { APP_STATUS_DISPLAY, FilterSelect } from '../shared';
import { useCustomerApps } from './useCustomerApps';
import { CustomerFilters } from './useCustomerFilters';

/** Wait after the last keystroke before a text filter refetches the list. */
const TEXT_DEBOUNCE_MS = 400;

/**
 * Text field that reports its value only once typing pauses, so the list is
 * not refetched (and the URL not rewritten) for every character.
 */
function DebouncedTextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The backend's limit for this parameter; longer input would be a 400. */
  maxLength: number;
  startAdornment?: ReactNode;
}) {
  const { id, label, value, onChange, maxLength, startAdornment } = props;
  const [text, setText] = useState(value);

  // Follow outside changes (back button, "Clear filters").
  useEffect(() => setText(value), [value]);

  useDebounce(
    () => {
      if (text.trim() !== value) {
        onChange(text.trim());
      }
    },
    TEXT_DEBOUNCE_MS,
    [text],
  );

  return (
    <TextField
      id={id}
      label={label}
      value={text}
      onChange={(e: ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
      variant="outlined"
      size="small"
      fullWidth
      inputProps={{ maxLength }}
      InputProps={
        startAdornment
          ? {
              startAdornment: (
                <InputAdornment position="start">
                  {startAdornment}
                </InputAdornment>
              ),
            }
          : undefined
      }
    />
  );
}

const LICENSE_OPTIONS = LICENSE_TYPES.map(type => ({
  value: type,
  label: LICENSE_TYPE_LABELS[type],
}));

const STATUS_OPTIONS = CUSTOMER_STATUS_FILTERS.map(status => ({
  value: status,
  label:
    status === 'none'
      ? 'No status (or no active instance)'
      : `${APP_STATUS_DISPLAY[status].label} (worst)`,
}));

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

/** Channels of the chosen app, else of every app (once per slug). */
function channelOptions(apps: CustomerApp[], appSlug: string) {
  const channels = new Map<string, string>();
  for (const app of apps) {
    if (appSlug && app.slug !== appSlug) continue;
    for (const c of app.channels) {
      if (!channels.has(c.slug)) channels.set(c.slug, c.name);
    }
  }
  return [...channels].map(([value, label]) => ({ value, label }));
}

/**
 * Search box and filters above the customer table. Fields carry ids so their
 * labels are tied to the inputs for screen readers (and tests).
 */
export function CustomerFilterBar(props: {
  filters: CustomerFilters;
  onChange: (patch: Partial<CustomerFilters>) => void;
  onClear: () => void;
  hasFilters: boolean;
}) {
  const { filters, onChange, onClear, hasFilters } = props;
  const apps = useCustomerApps();
  const field = { xs: 6, sm: 4, md: 2 } as const;

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} md={4}>
        <DebouncedTextField
          id="customer-reporting-search"
          label="Search customers"
          maxLength={200}
          value={filters.search}
          onChange={search => onChange({ search })}
          startAdornment={<SearchIcon fontSize="small" />}
        />
      </Grid>
      <Grid item {...field}>
        <FilterSelect
          id="customer-reporting-app"
          label="App"
          value={filters.appSlug || undefined}
          options={apps.map(app => ({ value: app.slug, label: app.name }))}
          // Another app has other channels: the channel filter starts over.
          onChange={appSlug => onChange({ appSlug, channelSlug: undefined })}
        />
      </Grid>
      <Grid item {...field}>
        <FilterSelect
          id="customer-reporting-channel"
          label="Channel"
          value={filters.channelSlug || undefined}
          options={channelOptions(apps, filters.appSlug)}
          onChange={channelSlug => onChange({ channelSlug })}
        />
      </Grid>
      <Grid item {...field}>
        <FilterSelect
          id="customer-reporting-license-type"
          label="License type"
          value={filters.licenseType}
          options={LICENSE_OPTIONS}
          onChange={value =>
            onChange({ licenseType: value as LicenseType | undefined })
          }
        />
      </Grid>
      <Grid item {...field}>
        <FilterSelect
          id="customer-reporting-status"
          label="Health"
          value={filters.status}
          options={STATUS_OPTIONS}
          onChange={value =>
            onChange({ status: value as CustomerStatusFilter | undefined })
          }
        />
      </Grid>
      <Grid item {...field}>
        <FilterSelect
          id="customer-reporting-active"
          label="Active"
          value={
            filters.active === undefined ? undefined : String(filters.active)
          }
          options={ACTIVE_OPTIONS}
          onChange={value =>
            onChange({
              active: value === undefined ? undefined : value === 'true',
            })
          }
        />
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        <Button onClick={onClear} disabled={!hasFilters}>
          Clear filters
        </Button>
      </Grid>
    </Grid>
  );
}
