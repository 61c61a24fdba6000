import { ReactNode } from 'react';
import TableContainer from '@material-ui/core/TableContainer';

/**
 * The container of a card's table: it scrolls sideways when the table is
 * wider than the card (narrow windows) instead of widening the page. It is
 * a named, focusable region so keyboard users can scroll it too.
 */
export function ScrollingTable(props: { label: string; children: ReactNode }) {
  return (
    <TableContainer
      role="region"
      aria-label={`${props.label} table`}
      tabIndex={0}
    >
      {props.children}
    </TableContainer>
  );
}
