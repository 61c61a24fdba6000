import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Link, MissingAnnotationEmptyState } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  APP_STATUSES,
  AppCustomerFigures,
  CUSTOMER_APP_ANNOTATION,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportRouteRef, rootRouteRef } from '../../routes';
import { formatPercent } from '../format';
import {
  APP_STATUS_DISPLAY,
  AppStatusChip,
  DataCard,
  Definition,
  DefinitionList,
  Muted,
} from '../shared';
import { AppCustomers, useAppCustomers } from './useAppCustomers';

/** Customer rows shown; the card links to the full list for the rest. */
const ROWS_SHOWN = 10;

function statusCounts(data: AppCustomers): string {
  const parts = [...APP_STATUSES]
    .reverse()
    .map(status => ({
      label: APP_STATUS_DISPLAY[status].label,
      count: data.customers.filter(c => c.status === status).length,
    }))
    .filter(p => p.count > 0)
    .map(p => `${p.count} ${p.label.toLowerCase()}`);
  const idle = data.customers.filter(c => c.status === null).length;
  if (idle > 0) parts.push(`${idle} without an active instance`);
  return parts.join(' · ');
}

/** The app-wide figures, or why they are missing. */
function figureItems(
  figures: AppCustomerFigures | null,
  reportPath: (id: string) => string,
): Definition[] {
  if (!figures) {
    return [
      {
        label: 'Versions',
        value: <Muted>Versions and uptime could not be loaded</Muted>,
      },
    ];
  }
  const worst = figures.worstUptime;
  return [
    {
      label: 'Versions',
      value:
        figures.versions.length === 0 ? (
          <Muted>No active instances</Muted>
        ) : (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {figures.versions.map(v => (
              <Chip
                key={v.version ?? ''}
                size="small"
                variant="outlined"
                label={`${v.version ?? 'Unknown'} × ${v.instances}`}
              />
            ))}
          </Box>
        ),
    },
    {
      label: 'Behind latest',
      value: `${figures.customersBehind} of ${figures.activeCustomers} active customers`,
    },
    {
      label: 'Worst uptime',
      value: worst ? (
        <>
          {formatPercent(worst.ratio)} (
          <Link to={reportPath(worst.customerId)}>{worst.customerName}</Link>)
        </>
      ) : (
        <Muted>No uptime data</Muted>
      ),
    },
  ];
}

function Summary(props: {
  data: AppCustomers;
  reportPath: (id: string) => string;
}) {
  const { data, reportPath } = props;
  return (
    <DefinitionList
      items={[
        { label: 'Status', value: statusCounts(data) },
        ...figureItems(data.figures, reportPath),
      ]}
    />
  );
}

/**
 * The customers running the app of a component or system (annotation
 * `customer-reporting/app`): status counts, version distribution, how many
 * are behind the latest release, the worst uptime, and a link per customer.
 *
 * @public
 */
export function EntityCustomersCard() {
  const { entity } = useEntity();
  const appSlug =
    entity.metadata.annotations?.[CUSTOMER_APP_ANNOTATION]?.trim();
  if (!appSlug) {
    return <MissingAnnotationEmptyState annotation={CUSTOMER_APP_ANNOTATION} />;
  }
  return <AppCustomersCard appSlug={appSlug} />;
}

/** '20 customers run nimbus', '1 customer runs nimbus'. */
function customersRunning(count: number, appSlug: string): string {
  return `${count} ${
    count === 1 ? 'customer runs' : 'customers run'
  } ${appSlug}`;
}

function AppCustomersCard(props: { appSlug: string }) {
  const { appSlug } = props;
  const state = useAppCustomers(appSlug);
  const reportLink = useRouteRef(customerReportRouteRef);
  const rootLink = useRouteRef(rootRouteRef);
  const reportPath = (customerId: string) => reportLink({ customerId });
  const allPath = `${rootLink()}?${new URLSearchParams({ appSlug })}`;

  return (
    <DataCard
      title="Customers"
      subheader={
        state.value
          ? customersRunning(state.value.totalCount, appSlug)
          : `Customers of ${appSlug}`
      }
      state={state}
    >
      {data =>
        data.totalCount === 0 ? (
          <Muted>No customers run {appSlug} yet</Muted>
        ) : (
          <>
            <Summary data={data} reportPath={reportPath} />
            <Table size="small" aria-label={`Customers running ${appSlug}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Customer</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell align="right">Active instances</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.customers.slice(0, ROWS_SHOWN).map(customer => (
                  <TableRow key={customer.id}>
                    <TableCell>
                      <Link to={reportPath(customer.id)}>{customer.name}</Link>
                    </TableCell>
                    <TableCell>
                      {customer.status ? (
                        <AppStatusChip status={customer.status} />
                      ) : (
                        <Muted>No active instance</Muted>
                      )}
                    </TableCell>
                    <TableCell align="right">
                      {customer.activeInstances}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Box mt={2}>
              <Link to={allPath}>
                View all {data.totalCount} customers of {appSlug}
              </Link>
            </Box>
          </>
        )
      }
    </DataCard>
  );
}
