import { styled } from '@mui/material/styles';
import type { ReactNode } from 'react';
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
}: {
  columns: Column<Row, Context>[];
  context: Context;
}) {
  return (
    <tr>
      {columns.map((column) => (
        <th key={column.id} className={column.className} style={{ width: column.width }}>
          {typeof column.header === 'function' ? column.header(context) : column.header}
        </th>
      ))}
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
