import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { Content, ContentHeader } from '@backstage/core-components';
import { AttemptFilterBar } from './AttemptFilterBar';
import { AttemptsTableCard } from './AttemptsTableCard';
import { FailureGroupsCard } from './FailureGroupsCard';
import { FunnelCard } from './FunnelCard';
import { SummaryCard } from './SummaryCard';
import { TimeToInstallStatsCard } from './TimeToInstallStatsCard';
import { TrendCard } from './TrendCard';
import { useAttemptFilters } from './useAttemptFilters';

/**
 * Body of the install attempt audit without the page header: filters (kept
 * in the URL) and one card per figure, each loading on its own so a slow or
 * failing figure does not hold up the others.
 */
export function InstallAttemptsContent() {
  const f = useAttemptFilters();
  return (
    <Content>
      <ContentHeader
        title="Install attempts"
        description="Install attempts of every customer: where they stop and why"
      />
      <Box mb={3}>
        <AttemptFilterBar
          filters={f.filters}
          onChange={f.setFilters}
          onClear={f.clearFilters}
          hasFilters={f.hasFilters}
        />
      </Box>
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12}>
          <SummaryCard filters={f.apiFilters} />
        </Grid>
        <Grid item xs={12} md={5}>
          <FunnelCard filters={f.apiFilters} />
        </Grid>
        <Grid item xs={12} md={7}>
          <TrendCard filters={f.apiFilters} />
        </Grid>
        <Grid item xs={12}>
          <FailureGroupsCard
            filters={f.apiFilters}
            onSelect={group =>
              f.setFilters({
                status: [group.status],
                step: group.step ?? '',
                reason: group.reason ?? '',
              })
            }
          />
        </Grid>
        <Grid item xs={12}>
          <AttemptsTableCard
            filters={f.apiFilters}
            sort={f.sort}
            order={f.order}
            onSortChange={f.setSort}
          />
        </Grid>
        <Grid item xs={12}>
          <TimeToInstallStatsCard
            groupBy={f.groupBy}
            onGroupByChange={f.setGroupBy}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
