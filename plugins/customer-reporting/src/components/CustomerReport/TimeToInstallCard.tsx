import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import { formatDuration, formatLicenseTimeToInstall } from '../format';
import { CardEmpty, DataCard, DateTimeText, DefinitionList } from '../shared';
import { useCustomerReport } from './CustomerReportProvider';
import { InstanceLink, instanceLabel } from './InstanceLink';

function Durations(props: { report: CustomerReport }) {
  const { timeToInstall, instances, customer } = props.report;
  if (!timeToInstall) {
    return (
      <CardEmpty
        title="No ready instances"
        description="Time to install is measured once an instance first reports ready."
      />
    );
  }
  // The instance may be hidden by the inactive/archived toggles; its id
  // still identifies it.
  const instance = instances.find(i => i.id === timeToInstall.instanceId);
  const label = instance
    ? instanceLabel(instance)
    : timeToInstall.instanceId.slice(0, 7);

  return (
    <DefinitionList
      items={[
        {
          label: 'License time to install',
          // Anchored at license creation so months are calendar months.
          value: (
            <strong>
              {formatLicenseTimeToInstall(
                timeToInstall.licenseSeconds,
                customer.createdAt,
              )}
            </strong>
          ),
        },
        {
          label: 'Instance time to install',
          value: (
            <strong>
              {formatDuration(timeToInstall.instanceSeconds, {
                start: timeToInstall.firstSeenAt,
              })}
            </strong>
          ),
        },
        {
          label: 'Instance',
          value: (
            <InstanceLink instanceId={timeToInstall.instanceId} label={label} />
          ),
        },
        {
          label: 'First seen',
          value: <DateTimeText iso={timeToInstall.firstSeenAt} />,
        },
        {
          label: 'First ready',
          value: <DateTimeText iso={timeToInstall.firstReadyAt} />,
        },
      ]}
    />
  );
}

/**
 * How long the customer took to install: from license creation (license
 * time) and from first check-in (instance time) to the first ready state.
 *
 * @public
 */
export function TimeToInstallCard() {
  const report = useCustomerReport();
  return (
    <DataCard title="Time to install" state={report}>
      {value => <Durations report={value} />}
    </DataCard>
  );
}
