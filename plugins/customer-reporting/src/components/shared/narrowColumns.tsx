import { Fragment, ReactNode } from 'react';
import useMediaQuery from '@material-ui/core/useMediaQuery';

/**
 * Windows up to 1000 px wide. At 768 px Backstage's open sidebar leaves a
 * page's cards about 500 px, too little for the tables' full column sets;
 * from 1280 px on every column fits. The window rather than the card is
 * measured: the sidebar's width does not depend on the page.
 */
export const NARROW_WINDOW = '(max-width: 1000px)';

/** Whether the window is narrow enough for tables to drop columns. */
export function useNarrowWindow(): boolean {
  // noSsr: the first render already has the right column set, so a narrow
  // window never flashes the wide table (and tests see the final columns).
  return useMediaQuery(NARROW_WINDOW, { noSsr: true });
}

/**
 * A table column. `wideOnly` marks a secondary column that narrow windows
 * leave out; its value stays available elsewhere (the detail page, the
 * CSV). Columns that identify the row or show its health never set it.
 */
export interface ColumnSpec<K extends string = string> {
  key: K;
  label: string;
  wideOnly?: boolean;
}

/** Whether a column is left out at this window size. */
export function hiddenWhenNarrow(
  column: { wideOnly?: boolean },
  narrow: boolean,
): boolean {
  return narrow && column.wideOnly === true;
}

/** The columns shown at this window size, in their order. */
export function shownColumns<C extends { wideOnly?: boolean }>(
  columns: readonly C[],
  narrow: boolean,
): C[] {
  return columns.filter(column => !hiddenWhenNarrow(column, narrow));
}

/** {@link shownColumns} for the current window. */
export function useShownColumns<K extends string>(
  columns: readonly ColumnSpec<K>[],
): ColumnSpec<K>[] {
  return shownColumns(columns, useNarrowWindow());
}

/**
 * One row's cells for the shown columns, in their order: a row renders a
 * cell per column key and this keeps the ones whose header is shown, so
 * headers and cells cannot drift apart.
 */
export function rowCells<K extends string>(
  columns: readonly { key: K }[],
  cells: Record<K, ReactNode>,
): ReactNode[] {
  return columns.map(column => (
    <Fragment key={column.key}>{cells[column.key]}</Fragment>
  ));
}
