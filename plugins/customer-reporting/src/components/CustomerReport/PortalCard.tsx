import Box from '@material-ui/core/Box';
import { Link } from '@backstage/core-components';
import { ReportPortal } from '@customer-reporting/plugin-customer-reporting-common';
import { DataCard, DateTimeText, DefinitionList, Muted } from '../shared';
import { DownloadPortalActions } from '../CustomerActions/DownloadPortalActions';
import {
  EnterprisePortalActions,
  EnterprisePortalSwitch,
} from '../CustomerActions/EnterprisePortalActions';
import { EnterprisePortalDetails } from './EnterprisePortalDetails';
import { useCustomerReport } from './CustomerReportProvider';

type DownloadPortal = Extract<ReportPortal, { kind: 'download' }>;

function Password(props: { portal: DownloadPortal }) {
  const { passwordSet, passwordSetAt, passwordSetBy } = props.portal;
  if (!passwordSet) {
    return <>Not set</>;
  }
  return (
    <>
      Set
      {passwordSetAt && (
        <>
          {' '}
          on <DateTimeText iso={passwordSetAt} />
        </>
      )}
      {passwordSetBy && ` by ${passwordSetBy}`}
    </>
  );
}

function DownloadPortalDetails(props: { portal: DownloadPortal }) {
  const { portal } = props;
  return (
    <DefinitionList
      items={[
        {
          label: 'URL',
          value: (
            <Link to={portal.url} target="_blank" rel="noopener noreferrer">
              {portal.url}
            </Link>
          ),
        },
        { label: 'Password', value: <Password portal={portal} /> },
        {
          label: 'Last download',
          value: portal.lastDownload ? (
            <>
              <DateTimeText iso={portal.lastDownload.at} />
              {portal.lastDownload.version &&
                ` (version ${portal.lastDownload.version})`}
            </>
          ) : (
            <Muted>No downloads yet</Muted>
          ),
        },
      ]}
    />
  );
}

/**
 * The customer's download portal, or the enterprise portal when it is
 * enabled for the customer: the backend decides which one applies. The
 * header switch turns the enterprise portal on or off (View opens it); the password and
 * invitation actions sit below the details.
 *
 * @public
 */
export function PortalCard() {
  const report = useCustomerReport();
  const kind = report.value?.portal.kind;
  // Until the report arrives it is not known which portal applies.
  let title = 'Portal';
  if (kind === 'enterprise') title = 'Enterprise portal';
  if (kind === 'download') title = 'Download portal';
  // Every action reloads the report, so the card shows what changed.
  const refresh = report.retry ?? (() => {});
  return (
    <DataCard
      title={title}
      state={report}
      action={
        report.value && (
          <Box display="flex" alignItems="center" style={{ gap: 16 }}>
            {report.value.portal.kind === 'enterprise' && (
              <Link
                to={report.value.portal.url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label="View the Enterprise Portal"
              >
                View
              </Link>
            )}
            <EnterprisePortalSwitch
              customerId={report.customerId}
              enabled={report.value.customer.enterprisePortalEnabled}
              onChanged={refresh}
            />
          </Box>
        )
      }
    >
      {({ portal }) =>
        portal.kind === 'enterprise' ? (
          <>
            <EnterprisePortalDetails portal={portal} />
            <EnterprisePortalActions
              customerId={report.customerId}
              users={portal.users}
              onChanged={refresh}
            />
          </>
        ) : (
          <>
            <DownloadPortalDetails portal={portal} />
            <DownloadPortalActions
              customerId={report.customerId}
              passwordSet={portal.passwordSet}
              onChanged={refresh}
            />
          </>
        )
      }
    </DataCard>
  );
}
