import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableHead from '@material-ui/core/TableHead';
import { useRouteRef } from '@backstage/core-plugin-api';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import { instanceDetailsRouteRef } from '../../routes';
import {
  CardEmpty,
  DataCard,
  ScrollingTable,
  useShownColumns,
} from '../shared';
import { useCustomerReport } from './CustomerReportProvider';
import {
  INSTANCE_COLUMNS,
  InstanceHeaderRow,
  InstanceRow,
} from './InstanceRow';

/** '5 active · 1 air gap · 2 inactive'. */
export function instanceCountsText(
  counts: CustomerReport['instanceCounts'],
): string {
  return `${counts.active} active · ${counts.airgap} air gap · ${counts.inactive} inactive`;
}

function Toggles() {
  const {
    value,
    includeInactive,
    includeArchived,
    setIncludeInactive,
    setIncludeArchived,
  } = useCustomerReport();
  const archived = value?.instanceCounts.archived;
  return (
    <Box display="flex" flexWrap="wrap">
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={includeInactive}
            onChange={e => setIncludeInactive(e.target.checked)}
          />
        }
        label="Show inactive"
      />
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={includeArchived}
            onChange={e => setIncludeArchived(e.target.checked)}
          />
        }
        label={archived ? `Show archived (${archived})` : 'Show archived'}
      />
    </Box>
  );
}

function emptyDescription(report: CustomerReport, includeInactive: boolean) {
  const { inactive, archived } = report.instanceCounts;
  if (!includeInactive && inactive > 0) {
    return `${inactive} inactive ${
      inactive === 1 ? 'instance is' : 'instances are'
    } hidden; turn on "Show inactive" to list them.`;
  }
  if (archived > 0) {
    return 'Archived instances are listed with "Show archived".';
  }
  return 'No instance of this customer has checked in yet.';
}

/**
 * The customer's instances with status, versions, cluster, last check-in,
 * tags and 14-day uptime (narrow windows keep the name, status, version
 * and last check-in; the rest is on the instance page). Inactive and archived instances are listed on
 * demand (the toggles set the report's includeInactive/includeArchived).
 *
 * @public
 */
export function InstancesCard() {
  const report = useCustomerReport();
  const columns = useShownColumns(INSTANCE_COLUMNS);
  // Resolved once for the table: each resolution matches the app's whole
  // route tree, which was a fifth of drawing a 50-instance report.
  const instanceLink = useRouteRef(instanceDetailsRouteRef);
  return (
    <DataCard
      title="Instances"
      subheader={
        report.value ? instanceCountsText(report.value.instanceCounts) : ''
      }
      action={<Toggles />}
      state={report}
      noPadding
    >
      {value =>
        value.instances.length === 0 ? (
          <CardEmpty
            inset
            title="No instances"
            description={emptyDescription(value, report.includeInactive)}
          />
        ) : (
          // Scrolls inside the card on narrow screens instead of widening
          // the page.
          <ScrollingTable label="Instances">
            <Table size="small" aria-label="Instances">
              <TableHead>
                <InstanceHeaderRow columns={columns} />
              </TableHead>
              <TableBody>
                {value.instances.map(instance => (
                  <InstanceRow
                    key={instance.id}
                    instance={instance}
                    href={instanceLink({ instanceId: instance.id })}
                    columns={columns}
                  />
                ))}
              </TableBody>
            </Table>
          </ScrollingTable>
        )
      }
    </DataCard>
  );
}
