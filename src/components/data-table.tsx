import { styled } from '@mui/material/styles';
import {
  Suspense,
  lazy,
  useMemo,
  useState,
  type ComponentPropsWithRef,
  type ReactNode,
  type Ref,
} from 'react';
import { Link as RouterLink } from 'wouter';

/**
 * Tables of resources (sessions, templates) as plain HTML styled once, not MUI's Table components:
 * a page holds up to 1,000 rows, and per-cell components made the first paint and every refresh
 * slow. Each column is declared once: its header, its cell and its width together.
 */

export interface Column<Row, Context> {
  id: string;
  header: ReactNode | ((context: Context) => ReactNode);
  cell: (row: Row, context: Context) => ReactNode;
  /** CSS width of the column, e.g. 48 or '20%'. */
  width?: number | string;
  /** The cell that names the row (a `th scope="row"`). */
  rowHeader?: boolean;
  className?: string;
  /**
   * Makes the column sortable on screen (only for tables that hold all their rows; a paged table
   * sorts through its API instead): the value rows are ordered by.
   */
  sortValue?: (row: Row, context?: Context) => number | string;
}

export interface SortState {
  column: string;
  direction: 'ascending' | 'descending';
}

/**
 * Rows ordered by the column the user chose; the first click sorts ascending, the next descending.
 * Before any click, rows keep the order they came in (the API's).
 */
export function useSortedRows<Row, Context>(
  rows: readonly Row[],
  columns: Column<Row, Context>[],
  /** What sortValue needs besides the row (the clock, for durations that count up). */
  context?: Context,
) {
  const [sort, setSort] = useState<SortState | undefined>();
  const sorted = useMemo(() => {
    const value = columns.find((c) => c.id === sort?.column)?.sortValue;
    if (!sort || !value) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a, context);
      const y = value(b, context);
      return (
        sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)))
      );
    });
  }, [rows, columns, sort, context]);
  const onSort = (column: string) =>
    setSort((current) => ({
      column,
      direction: current?.column === column && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  return { sorted, sort, onSort, clearSort: () => setSort(undefined) };
}

export const Table = styled('table')(({ theme }) => {
  const palette = theme.palette;
  return {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: '0.875rem',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'middle',
      padding: '6px 12px',
      borderBottom: `1px solid ${palette.divider}`,
    },
    '& thead th': { fontWeight: 500, color: palette.text.primary },
    '& caption.caption': { textAlign: 'left', captionSide: 'top', padding: '0 0 4px' },
    '& tbody th': { fontWeight: 400, whiteSpace: 'nowrap' },
    // Tables of measurements (the Spark tab): cells aligned to their first line. On a phone the table
    // scrolls in its box, and headers stay on one line (squeezed, they stood a word a line); on wider
    // screens a long header ("Task time min / median / max") wraps so the table fits its box instead
    // of being cut at its right edge.
    // 8 px a side, not 12: the executors' sixteen columns fit a 1280 px window.
    '&.measurements th, &.measurements td': { verticalAlign: 'top', paddingLeft: 8, paddingRight: 8 },
    '&.measurements thead th': { whiteSpace: 'nowrap', verticalAlign: 'bottom' },
    [theme.breakpoints.up('sm')]: { '&.measurements thead th': { whiteSpace: 'normal' } },
    '& .num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
    '& .sub': { fontSize: '0.75rem', color: palette.text.secondary },
    // Long free text (a removal reason, an error) wraps within a readable measure instead of widening the table.
    '& .prose': { minWidth: '16ch', maxWidth: '40ch', overflowWrap: 'anywhere' },
    // Names and values of any length (a property, a classpath): wrapped anywhere, one column never wider than half.
    '& tbody .key': { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: '12ch', maxWidth: '50vw' },
    // Room for a description or an error summary that would otherwise be squeezed to a word a line.
    '& .wide': { minWidth: '18rem' },
    // Names and values the user typed or the API returned verbatim (properties, fields, endpoints).
    '& .mono': { fontFamily: 'monospace', overflowWrap: 'anywhere' },
    '& tbody tr:hover': { background: palette.action.hover },
    '& tbody tr[aria-selected="true"]': { background: palette.action.selected },
    '& .checkbox-cell': { width: 48, textAlign: 'center' },
    // Short values ("1 h 30 min", "in 23 h") stay on one line; the table scrolls in its own box instead.
    '& .nowrap': { whiteSpace: 'nowrap' },
    // A sortable header is a real button that looks like the header text, with a 24 px target.
    '& th .sort-button': {
      all: 'inherit',
      display: 'inline-flex',
      alignItems: 'center',
      gap: 4,
      minHeight: 24,
      padding: 0,
      cursor: 'pointer',
      border: 0,
      background: 'none',
    },
    '& th .sort-button:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 2 },
    '& input[type="checkbox"]': {
      width: 18,
      height: 18,
      cursor: 'pointer',
      accentColor: palette.primary.main,
    },
  };
});

/** Links in rows: a router link styled once (MUI's Link is a Typography per link). */
export const RowLink = styled(RouterLink)(({ theme }) => ({
  color: theme.palette.primary.main,
  textDecorationColor: 'currentColor',
  textUnderlineOffset: 2,
}));

export function HeaderRow<Row, Context>({
  columns,
  context,
  sort,
  onSort,
}: {
  columns: Column<Row, Context>[];
  context: Context;
  /** With onSort, the headers of columns that declare sortValue become sort buttons. */
  sort?: SortState;
  onSort?: (column: string) => void;
}) {
  return (
    <tr>
      {columns.map((column) => {
        const header = typeof column.header === 'function' ? column.header(context) : column.header;
        if (!onSort || !column.sortValue)
          return (
            <th key={column.id} className={column.className} style={{ width: column.width }}>
              {header}
            </th>
          );
        const direction = sort?.column === column.id ? sort.direction : undefined;
        return (
          <th
            key={column.id}
            className={column.className}
            style={{ width: column.width }}
            aria-sort={direction ?? 'none'}
          >
            <button type="button" className="sort-button" onClick={() => onSort(column.id)}>
              {header}
              {/* The arrow is for the eye; aria-sort says the same to a screen reader. */}
              <span aria-hidden="true">
                {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
              </span>
            </button>
          </th>
        );
      })}
    </tr>
  );
}

/** One row's cells, in column order. */
export function Cells<Row, Context>({
  columns,
  row,
  context,
}: {
  columns: Column<Row, Context>[];
  row: Row;
  context: Context;
}) {
  return columns.map((column) =>
    column.rowHeader ? (
      <th key={column.id} scope="row" className={column.className}>
        {column.cell(row, context)}
      </th>
    ) : (
      <td key={column.id} className={column.className}>
        {column.cell(row, context)}
      </td>
    ),
  );
}

/** Attributes of a row: `data-*` for tests and styling, anything a `tr` takes. */
export type RowProps = ComponentPropsWithRef<'tr'> & {
  [data: `data-${string}`]: string | number | undefined;
};

const VirtualRows = lazy(() => import('./virtual-rows'));

/**
 * A whole declared-columns table: header from the columns (sort buttons when `onSort` is given and a
 * column has a sortValue), one row per item. Above `virtualizeAbove` rows only those near the viewport
 * are rendered (the virtualizer is loaded only then; the first rows stand in while it loads).
 */
export function DeclaredTable<Row, Context>({
  columns,
  rows,
  context,
  rowKey,
  rowProps,
  sort,
  onSort,
  virtualizeAbove = Infinity,
  measurements = false,
  caption,
  ...table
}: {
  columns: Column<Row, Context>[];
  /** The rows in the order to show them (sorted already: see useSortedRows). */
  rows: readonly Row[];
  context: Context;
  rowKey: (row: Row) => string;
  rowProps?: (row: Row, index: number) => RowProps;
  sort?: SortState;
  onSort?: (column: string) => void;
  virtualizeAbove?: number;
  /** Numbers and text aligned to the top, headers on one line (tables of metrics). */
  measurements?: boolean;
  /** A visible title above the table, which also names it (instead of aria-label). */
  caption?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'data-testid'?: string;
}) {
  const row = (index: number, ref?: Ref<HTMLTableRowElement>) => {
    const item = rows[index]!;
    return (
      <tr key={rowKey(item)} ref={ref} data-index={index} {...rowProps?.(item, index)}>
        <Cells columns={columns} row={item} context={context} />
      </tr>
    );
  };
  return (
    <Table className={measurements ? 'measurements' : undefined} {...table}>
      {caption !== undefined && <caption className="caption">{caption}</caption>}
      <thead>
        <HeaderRow columns={columns} context={context} sort={sort} onSort={onSort} />
      </thead>
      <tbody>
        {rows.length > virtualizeAbove ? (
          <Suspense fallback={rows.slice(0, 30).map((_, i) => row(i))}>
            <VirtualRows count={rows.length} renderRow={row} />
          </Suspense>
        ) : (
          rows.map((_, i) => row(i))
        )}
      </tbody>
    </Table>
  );
}

/**
 * A wide table scrolls inside its own box, never the page. Shadows at the edges that still have
 * columns beyond them are the visible cue (backgrounds that scroll with the content cover the shadows
 * once an edge is reached); the box is focusable so a keyboard user can scroll it with the arrows.
 */
const ScrollBox = styled('div')(({ theme }) => {
  const bg = theme.palette.background.paper;
  const shade = theme.palette.mode === 'dark' ? 'rgba(255,255,255,0.22)' : 'rgba(0,0,0,0.18)';
  return {
    overflowX: 'auto',
    maxWidth: '100%',
    backgroundImage: [
      `linear-gradient(to right, ${bg} 30%, transparent)`,
      `linear-gradient(to left, ${bg} 30%, transparent)`,
      `radial-gradient(farthest-side at 0 50%, ${shade}, transparent)`,
      `radial-gradient(farthest-side at 100% 50%, ${shade}, transparent)`,
    ].join(','),
    backgroundPosition: 'left center, right center, left center, right center',
    backgroundRepeat: 'no-repeat',
    backgroundSize: '40px 100%, 40px 100%, 14px 100%, 14px 100%',
    backgroundAttachment: 'local, local, scroll, scroll',
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
  };
});

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ScrollBox role="region" aria-label={label} tabIndex={0}>
      {children}
    </ScrollBox>
  );
}

/** Error and plan text: shown as text, never as markup, wrapped and scrollable. */
export const Pre = styled('pre')(({ theme }) => ({
  margin: 0,
  padding: theme.spacing(1.5),
  maxHeight: 360,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  fontSize: '0.8125rem',
  background: theme.palette.action.hover,
  borderRadius: 4,
}));
