import { styled } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { RowLink, Table } from '../../../components/data-table';

/** Spark tables: the resource tables' style, plus right-aligned numbers and a secondary line. */
export const DataTable = styled(Table)(({ theme }) => ({
  '& th, & td': { verticalAlign: 'top' },
  '& thead th': { whiteSpace: 'nowrap' },
  '& .num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  '& .sub': { fontSize: '0.75rem', color: theme.palette.text.secondary },
  // Long free text (a removal reason, an error) wraps within a readable measure instead of widening the table.
  '& .prose': { minWidth: '16ch', maxWidth: '40ch', overflowWrap: 'anywhere' },
}));

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
