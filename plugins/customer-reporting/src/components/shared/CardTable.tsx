import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Muted } from './Muted';
import { ScrollingTable } from './ScrollingTable';

/**
 * The body of a card that lists rows: a one-line message when there are
 * none, else a dense table named `label` with a header row of plain column
 * titles and one `<TableRow>` per item from `children`, scrolling sideways
 * inside the card on narrow windows.
 */
export function CardTable<T>(props: {
  label: string;
  columns: string[];
  empty: string;
  className?: string;
  rows: T[];
  children: (row: T, index: number) => ReactNode;
}) {
  const { label, columns, empty, className, rows, children } = props;
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
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{rows.map(children)}</TableBody>
      </Table>
    </ScrollingTable>
  );
}
