import { ChangeEvent, ReactNode, useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import useDebounce from 'react-use/esm/useDebounce';
import {
  LICENSE_TYPES,
  LICENSE_TYPE_LABELS,
  LicenseType,
} from '@internal/plugin-customer-reporting-common';
import { CustomerFilters } from './useCustomerFilters';

/** Wait after the last keystroke before a text filter refetches the list. */
const TEXT_DEBOUNCE_MS = 400;

/** Select value meaning "no filter"; '' would make MUI show an empty box. */
const ANY = 'any';

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

function activeToValue(active: boolean | undefined): string {
  if (active === undefined) return ANY;
  return active ? 'true' : 'false';
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
      <Grid item xs={12} sm={4} md={2}>
        <DebouncedTextField
          id="customer-reporting-app-slug"
          label="App slug"
          maxLength={100}
          value={filters.appSlug}
          onChange={appSlug => onChange({ appSlug })}
        />
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        <TextField
          select
          id="customer-reporting-license-type"
          label="License type"
          value={filters.licenseType ?? ANY}
          onChange={e =>
            onChange({
              licenseType:
                e.target.value === ANY
                  ? undefined
                  : (e.target.value as LicenseType),
            })
          }
          variant="outlined"
          size="small"
          fullWidth
        >
          <MenuItem value={ANY}>All</MenuItem>
          {LICENSE_TYPES.map(type => (
            <MenuItem key={type} value={type}>
              {LICENSE_TYPE_LABELS[type]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        <TextField
          select
          id="customer-reporting-active"
          label="Active"
          value={activeToValue(filters.active)}
          onChange={e =>
            onChange({
              active:
                e.target.value === ANY ? undefined : e.target.value === 'true',
            })
          }
          variant="outlined"
          size="small"
          fullWidth
        >
          <MenuItem value={ANY}>All</MenuItem>
          <MenuItem value="true">Active</MenuItem>
          <MenuItem value="false">Inactive</MenuItem>
        </TextField>
      </Grid>
      <Grid item xs={12} md={2}>
        <Button onClick={onClear} disabled={!hasFilters}>
          Clear filters
        </Button>
      </Grid>
    </Grid>
  );
}
