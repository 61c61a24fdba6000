import { cloneElement, Fragment, ReactElement, ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';

/**
 * Windows up to 1000 px wide. At 768 px Backstage's open sidebar leaves a
 * page's cards about 500 px, too little for the tables' full column sets;
 * from 1280 px on every column fits. The window rather than the card is
 * measured: the sidebar's width does not depend on the page.
 */
export const NARROW_WINDOW = '(max-width: 1000px)';

/**
 * For a table whose cells keep the theme's padding (16 px left, 24 px
 * right): half of it on narrow windows, where folded lines make the kept
 * columns wider and every column's padding counts against about 500 px.
 */
export const useNarrowTablePadding = makeStyles((theme: Theme) => ({
  table: {
    [`@media ${NARROW_WINDOW}`]: {
      '& th, & td': {
        paddingLeft: theme.spacing(1),
        paddingRight: theme.spacing(1),
      },
    },
  },
}));

/** Whether the window is narrow enough for tables to drop columns. */
export function useNarrowWindow(): boolean {
  // noSsr: the first render already has the right column set, so a narrow
  // window never flashes the wide table (and tests see the final columns).
  return useMediaQuery(NARROW_WINDOW, { noSsr: true });
}

/**
 * A table column. `wideOnly` marks a secondary column that narrow windows
 * leave out as a column. Its value must stay within reach there: either a
 * page the row leads to shows it (say which next to the column list), or
 * `narrowUnder` names the shown column under whose value narrow windows
 * give it a line of its own. Columns that identify the row or show its
 * health never set `wideOnly`.
 */
export interface ColumnSpec<K extends string = string> {
  key: K;
  label: string;
  wideOnly?: boolean;
  /** The shown column whose cell lists this one's value on narrow windows. */
  narrowUnder?: K;
  /** That line's prefix: the label unless given ('p90'; '' for none). */
  narrowLabel?: string;
}

/**
 * The fields of a `wideOnly` column that narrow windows show under
 * `column`'s value, its line prefixed with `prefix` (else its label).
 */
export function foldedUnder<K extends string>(column: K, prefix?: string) {
  return { wideOnly: true, narrowUnder: column, narrowLabel: prefix } as const;
}

/** A shown column with the hidden ones that narrow windows fold into it. */
export type ShownColumn<K extends string = string> = ColumnSpec<K> & {
  folded: ColumnSpec<K>[];
};

/** Whether a column is left out at this window size. */
export function hiddenWhenNarrow(
  column: { wideOnly?: boolean },
  narrow: boolean,
): boolean {
  return narrow && column.wideOnly === true;
}

/**
 * The columns shown at this window size, in their order, each with the
 * hidden columns folded into it (in their order).
 */
export function shownColumns<K extends string>(
  columns: readonly ColumnSpec<K>[],
  narrow: boolean,
): ShownColumn<K>[] {
  const hidden = columns.filter(column => hiddenWhenNarrow(column, narrow));
  return columns
    .filter(column => !hiddenWhenNarrow(column, narrow))
    .map(column => ({
      ...column,
      folded: hidden.filter(h => h.narrowUnder === column.key),
    }));
}

/** {@link shownColumns} for the current window. */
export function useShownColumns<K extends string>(
  columns: readonly ColumnSpec<K>[],
): ShownColumn<K>[] {
  return shownColumns(columns, useNarrowWindow());
}

/**
 * A hidden column's value as a secondary line under a shown one's, styled
 * like the tables' other secondary lines. It wraps between words even in a
 * one-line cell: only its longest word, not the whole line, sets how narrow
 * the column can get.
 */
function FoldedLine(props: { column: ColumnSpec; children: ReactNode }) {
  const { column, children } = props;
  const prefix = column.narrowLabel ?? column.label;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      style={{ whiteSpace: 'normal' }}
    >
      {prefix && `${prefix}: `}
      {children}
    </Typography>
  );
}

function isEmpty(value: ReactNode): boolean {
  return (
    value === null || value === undefined || value === false || value === ''
  );
}

/**
 * One row's cells for the shown columns, in their order: a row renders a
 * cell per column key and this keeps the ones whose header is shown, so
 * headers and cells cannot drift apart. `folded` gives the values of the
 * columns with `narrowUnder` as their lines read (a compact form, no
 * placeholder: an empty value gets no line); narrow windows add them to
 * the end of their shown column's cell.
 */
export function rowCells<K extends string>(
  columns: readonly ShownColumn<K>[],
  cells: Record<K, ReactElement<{ children?: ReactNode }>>,
  folded: Partial<Record<K, ReactNode>> = {},
): ReactNode[] {
  return columns.map(column => {
    const cell = cells[column.key];
    const lines = column.folded
      .filter(f => !isEmpty(folded[f.key]))
      .map(f => (
        <FoldedLine key={f.key} column={f}>
          {folded[f.key]}
        </FoldedLine>
      ));
    // The lines go inside the shown cell, after its value, keeping the
    // cell's own alignment and padding.
    return (
      <Fragment key={column.key}>
        {lines.length === 0
          ? cell
          : cloneElement(cell, undefined, cell.props.children, lines)}
      </Fragment>
    );
  });
}
