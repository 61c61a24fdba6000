import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSearchParams } from 'react-router-dom';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ADOPTION_RANGES,
  AdoptionRangeName,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { FilterSelect, LoadError, oneOf } from '../shared';
import { AdoptionCardGrid } from './AdoptionCards';
import { useAppAdoption } from './useAppAdoption';

export const RANGE_LABELS: Record<AdoptionRangeName, string> = {
  '30d': 'Last 30 days (daily)',
  '90d': 'Last 90 days (daily)',
  '180d': 'Last 26 weeks (weekly)',
  '1y': 'Last 52 weeks (weekly)',
};

/**
 * Body of the Adoption tab: an app (and channel) over a range, in the URL
 * (`appSlug`, `channelSlug`, `range`) so a view can be linked to.
 */
export function AdoptionContent() {
  const api = useApi(customerReportingApiRef);
  const apps = useAsyncRetry(() => api.listApps(), [api]);
  const [params, setParams] = useSearchParams();
  const appSlug = params.get('appSlug') ?? apps.value?.items[0]?.slug;
  const channelSlug = params.get('channelSlug') ?? undefined;
  const range = oneOf(ADOPTION_RANGES, params.get('range')) ?? '90d';
  const adoption = useAppAdoption(appSlug, { channelSlug, range });
  const state = { ...adoption, value: adoption.value ?? undefined };

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  let body;
  if (apps.error) {
    // The same states as the other pages: a refusal names the permission.
    body = (
      <LoadError
        variant="page"
        what="the apps"
        title="Could not load the apps"
        error={apps.error}
        retry={apps.retry}
      />
    );
  } else if (!apps.value) {
    body = <Progress />;
  } else if (!appSlug) {
    body = (
      <EmptyState
        missing="data"
        title="No apps yet"
        description="Adoption shows once customers of an app report instances."
      />
    );
  } else {
    const app = apps.value.items.find(a => a.slug === appSlug);
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} sm={4}>
          <TextField
            select
            id="adoption-app"
            label="App"
            value={appSlug}
            onChange={e =>
              update({ appSlug: e.target.value, channelSlug: undefined })
            }
            variant="outlined"
            size="small"
            fullWidth
          >
            {apps.value.items.map(a => (
              <MenuItem key={a.slug} value={a.slug}>
                {a.name}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={4}>
          <FilterSelect
            id="adoption-channel"
            label="Channel"
            value={channelSlug}
            options={(app?.channels ?? []).map(c => ({
              value: c.slug,
              label: c.name,
            }))}
            onChange={value => update({ channelSlug: value })}
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <TextField
            select
            id="adoption-range"
            label="Range"
            value={range}
            onChange={e => update({ range: e.target.value })}
            variant="outlined"
            size="small"
            fullWidth
          >
            {ADOPTION_RANGES.map(r => (
              <MenuItem key={r} value={r}>
                {RANGE_LABELS[r]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <AdoptionCardGrid state={state} />
      </Grid>
    );
  }

  return (
    <Content>
      <ContentHeader
        title="Adoption"
        description="How fast active instances move to new releases, per app and channel"
      />
      {body}
    </Content>
  );
}
