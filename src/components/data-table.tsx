import { styled } from '@mui/material/styles';
import { useMemo, useState, type ReactNode } from 'react';
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
  sortValue?: (row: Row) => number | string;
}

export interface SortState {
  column: string;
  direction: 'ascending' | 'descending';
}

/**
 * Rows ordered by the column the user chose; the first click sorts ascending, the next descending.
 * Before any click, rows keep the order they came in (the API's).
 */
export function useSortedRows<Row, Context>(rows: Row[], columns: Column<Row, Context>[]) {
  const [sort, setSort] = useState<SortState | undefined>();
  const sorted = useMemo(() => {
    const value = columns.find((c) => c.id === sort?.column)?.sortValue;
    if (!sort || !value) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (
        sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)))
      );
    });
  }, [rows, columns, sort]);
  const onSort = (column: string) =>
    setSort((current) => ({
      column,
      direction: current?.column === column && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  return { sorted, sort, onSort };
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
    '& tbody th': { fontWeight: 400, whiteSpace: 'nowrap' },
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
