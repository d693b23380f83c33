import { styled } from '@mui/material/styles';
import { RowLink, Table } from '../../../components/data-table';

/** Spark tables: the resource tables' style, plus right-aligned numbers and a secondary line. */
export const DataTable = styled(Table)(({ theme }) => ({
  '& th, & td': { verticalAlign: 'top' },
  '& thead th': { whiteSpace: 'nowrap' },
  '& .num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  '& .sub': { fontSize: '0.75rem', color: theme.palette.text.secondary },
}));

export const TableScroll = styled('div')({ overflowX: 'auto' });

export const CellLink = RowLink;

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
