import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { ResourceState } from '@customer-reporting/plugin-customer-reporting-common';
import {
  AppStatusChip,
  CardTable,
  ColumnSpec,
  DataCard,
  rowCells,
  ShownColumn,
} from '../shared';
import { useInstanceDetails } from './InstanceDetailsProvider';

/**
 * Every column identifies the resource or shows its health, so none is
 * left out on narrow windows: namespace and name share a cell as
 * `namespace/name` (as Kubernetes writes them), which wraps after its
 * slash and hyphens, and the three fit the 500 px a 768 px window leaves.
 * A name longer than the cell with neither (`averyveryverylongname…`)
 * wraps anywhere rather than widening the table past the card.
 */
const COLUMNS = [
  { key: 'state', label: 'State' },
  { key: 'kind', label: 'Kind' },
  { key: 'resource', label: 'Resource' },
] as const satisfies readonly ColumnSpec[];

type ResourceColumn = ShownColumn<(typeof COLUMNS)[number]['key']>;

function ResourceRow(props: {
  resource: ResourceState;
  columns: readonly ResourceColumn[];
}) {
  const { resource, columns } = props;
  return (
    <TableRow>
      {rowCells(columns, {
        state: (
          <TableCell>
            <AppStatusChip status={resource.state} />
          </TableCell>
        ),
        kind: <TableCell>{resource.kind}</TableCell>,
        resource: (
          // The theme keeps cells from breaking inside a word; a name is
          // one opaque word, better broken than scrolled to.
          <TableCell style={{ overflowWrap: 'anywhere' }}>
            {resource.namespace}/{resource.name}
          </TableCell>
        ),
      })}
    </TableRow>
  );
}

/**
 * The Kubernetes resources of the instance's latest check-in that reported
 * them, least available first: the ones that make its status what it is
 * ("degraded" because of which Deployment).
 *
 * @public
 */
export function ResourcesCard() {
  const details = useInstanceDetails();
  return (
    <DataCard title="Resources" state={details} noPadding>
      {({ resources }) => (
        <CardTable
          label="Resources"
          columns={COLUMNS}
          empty="This instance has not reported resource states"
          rows={resources}
        >
          {(resource, _index, columns) => (
            <ResourceRow
              key={`${resource.kind}/${resource.namespace}/${resource.name}/${resource.state}`}
              resource={resource}
              columns={columns}
            />
          )}
        </CardTable>
      )}
    </DataCard>
  );
}
