import { styled } from '@mui/material/styles';
import { Link as RouterLink } from 'wouter';

/** Spark tables: plain HTML styled once (pages hold up to 100 rows of a dozen cells); numbers right-aligned. */
export const DataTable = styled('table')(({ theme }) => ({
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: '0.875rem',
  '& caption': {
    textAlign: 'left',
    padding: '4px 12px',
    color: theme.palette.text.secondary,
    captionSide: 'top',
  },
  '& th, & td': {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: '6px 12px',
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  '& thead th': { fontWeight: 500, whiteSpace: 'nowrap' },
  '& tbody th': { fontWeight: 400, whiteSpace: 'nowrap' },
  '& .num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  '& tbody tr:hover': { background: theme.palette.action.hover },
  '& .sub': { fontSize: '0.75rem', color: theme.palette.text.secondary },
}));

export const TableScroll = styled('div')({ overflowX: 'auto' });

export const CellLink = styled(RouterLink)(({ theme }) => ({
  color: theme.palette.primary.main,
  textUnderlineOffset: 2,
}));

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
