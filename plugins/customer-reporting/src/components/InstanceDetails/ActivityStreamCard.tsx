import { useState } from 'react';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import {
  INSTANCE_EVENT_CATEGORIES,
  InstanceEventCategory,
  InstanceEventList,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  CardTable,
  ColumnSpec,
  DataCard,
  DateTimeText,
  LoadMoreFooter,
  rowCells,
  ShownColumn,
} from '../shared';
import {
  EVENT_CATEGORY_LABELS,
  formatEventValue,
  formatResourceChange,
  ResourceChange,
} from './formatEventValue';
import { useInstanceDetails } from './InstanceDetailsProvider';
import { useInstanceEvents } from './useInstanceEvents';

/** Select value meaning "every category"; '' would show an empty box. */
const ALL = 'all';

function CategoryFilter(props: {
  category?: InstanceEventCategory;
  onChange: (category?: InstanceEventCategory) => void;
}) {
  return (
    <TextField
      select
      id="customer-reporting-event-category"
      label="Category"
      variant="outlined"
      size="small"
      style={{ minWidth: 180 }}
      value={props.category ?? ALL}
      onChange={e =>
        props.onChange(
          e.target.value === ALL
            ? undefined
            : (e.target.value as InstanceEventCategory),
        )
      }
    >
      <MenuItem value={ALL}>All categories</MenuItem>
      {INSTANCE_EVENT_CATEGORIES.map(category => (
        <MenuItem key={category} value={category}>
          {EVENT_CATEGORY_LABELS[category]}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Narrow windows leave out the category: the change names the field, and
 * the category filter still narrows the list.
 */
const COLUMNS = [
  { key: 'time', label: 'Time' },
  { key: 'category', label: 'Category', wideOnly: true },
  { key: 'change', label: 'Change' },
] as const satisfies readonly ColumnSpec[];

type EventColumn = ShownColumn<(typeof COLUMNS)[number]['key']>;

/** Resource changes one event shows; the rest are counted. */
const SHOWN_RESOURCE_CHANGES = 5;

/**
 * The resources a `resourceStates` event changed, one a line, instead of
 * two lists of every resource. Kubernetes names wrap after their hyphens
 * and the slash, which the layout walk allows.
 */
function ResourceChanges(props: { changes: ResourceChange[] }) {
  const { changes } = props;
  const hidden = changes.length - SHOWN_RESOURCE_CHANGES;
  return (
    <>
      {changes.slice(0, SHOWN_RESOURCE_CHANGES).map(change => (
        <div key={`${change.kind}/${change.namespace}/${change.name}`}>
          {formatResourceChange(change)}
        </div>
      ))}
      {hidden > 0 && (
        <div>
          and {hidden} more {hidden === 1 ? 'resource' : 'resources'}
        </div>
      )}
    </>
  );
}

function EventRow(props: {
  event: InstanceEventList['items'][number];
  columns: readonly EventColumn[];
}) {
  const { event, columns } = props;
  return (
    <TableRow>
      {rowCells(columns, {
        time: (
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            <DateTimeText iso={event.at} />
          </TableCell>
        ),
        category: (
          <TableCell>
            <Chip
              size="small"
              variant="outlined"
              label={EVENT_CATEGORY_LABELS[event.category] ?? event.category}
            />
          </TableCell>
        ),
        change: (
          <TableCell style={{ minWidth: '14em' }}>
            <strong>{event.label}</strong>:{' '}
            {event.changes ? (
              <ResourceChanges changes={event.changes} />
            ) : (
              <>
                {formatEventValue(event.previousValue)} →{' '}
                {formatEventValue(event.value)}
              </>
            )}
          </TableCell>
        ),
      })}
    </TableRow>
  );
}

/**
 * The instance's change events, newest first, filterable by category, with
 * "Load more" for older ones.
 *
 * @public
 */
export function ActivityStreamCard() {
  const { instanceId, asOf } = useInstanceDetails();
  const [category, setCategory] = useState<InstanceEventCategory>();
  const events = useInstanceEvents(instanceId, category, asOf);

  return (
    <DataCard
      title="Activity"
      action={<CategoryFilter category={category} onChange={setCategory} />}
      state={events.state}
      noPadding
    >
      {items => (
        <>
          <CardTable
            label="Activity"
            columns={COLUMNS}
            empty={
              category
                ? `No ${EVENT_CATEGORY_LABELS[category].toLowerCase()} events`
                : 'No events yet'
            }
            rows={items}
          >
            {(event, _index, columns) => (
              <EventRow
                key={`${event.at}-${event.field}`}
                event={event}
                columns={columns}
              />
            )}
          </CardTable>
          {items.length > 0 && <LoadMoreFooter list={events} what="events" />}
        </>
      )}
    </DataCard>
  );
}
