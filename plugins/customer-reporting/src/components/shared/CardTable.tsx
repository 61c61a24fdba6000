import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Muted } from './Muted';
import { ScrollingTable } from './ScrollingTable';
import { ColumnSpec, ShownColumn, useShownColumns } from './narrowColumns';

/**
 * The body of a card that lists rows: a one-line message when there are
 * none, else a dense table named `label` with a header row of plain column
 * titles and one `<TableRow>` per item from `children`, scrolling sideways
 * inside the card if it is still too wide. Columns given as specs may be
 * `wideOnly`: narrow windows leave them out, and `children` gets the shown
 * columns to render the matching cells and folded lines (see `rowCells`).
 */
export function CardTable<T, K extends string = string>(props: {
  label: string;
  columns: readonly ColumnSpec<K>[] | readonly string[];
  empty: string;
  className?: string;
  rows: T[];
  children: (row: T, index: number, columns: ShownColumn<K>[]) => ReactNode;
}) {
  const { label, empty, className, rows, children } = props;
  const columns = useShownColumns(
    props.columns.map(c =>
      typeof c === 'string' ? { key: c as K, label: c } : c,
    ),
  );
  if (rows.length === 0) {
    return (
      <Typography component="div" style={{ padding: 16 }}>
        <Muted>{empty}</Muted>
      </Typography>
    );
  }
  // The container scrolls sideways when the table is wider than the card.
  return (
    <ScrollingTable label={label}>
      <Table size="small" aria-label={label} className={className}>
        <TableHead>
          <TableRow>
            {columns.map(c => (
              <TableCell key={c.key}>{c.label}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => children(row, index, columns))}
        </TableBody>
      </Table>
    </ScrollingTable>
  );
}
