import { DataCard, DefinitionList, Muted } from '../shared';
import { useInstanceDetails } from './InstanceDetailsProvider';

function formatMetric(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString();
  return value;
}

/**
 * The latest value of each custom metric the application reports through
 * the SDK.
 *
 * @public
 */
export function CustomMetricsCard() {
  const details = useInstanceDetails();
  return (
    <DataCard title="Custom metrics" state={details}>
      {({ customMetrics }) => {
        const entries = Object.entries(customMetrics);
        return entries.length === 0 ? (
          <Muted>No custom metrics reported</Muted>
        ) : (
          <DefinitionList
            items={entries.map(([name, value]) => ({
              label: name,
              value: formatMetric(value),
            }))}
          />
        );
      }}
    </DataCard>
  );
}
