import { numberFormat } from '../../../lib/number-format';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { OutlinedField } from '../../../components/outlined-field';

/** DCU on screen: at most two decimals. */
export function formatDcu(dcu: number): string {
  return numberFormat('en-US', { maximumFractionDigits: 2 }).format(dcu);
}

/** A row of headline figures, as a description list (a name and its value, read together). */
export function Figures({ items, label }: { items: { name: string; value: ReactNode }[]; label: string }) {
  return (
    <Box component="section" aria-label={label}>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: {
            xs: 'repeat(2, minmax(0, 1fr))',
            sm: 'repeat(auto-fit, minmax(150px, 1fr))',
          },
          gap: 1.5,
          m: 0,
          mb: 2,
        }}
      >
        {items.map((item) => (
          <Box
            key={item.name}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1, minWidth: 0 }}
          >
            <Typography component="dt" variant="body2" color="text.secondary">
              {item.name}
            </Typography>
            <Typography component="dd" variant="h6" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {item.value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** A table in its own scroll box (a wide table never widens the page); the box is keyboard-scrollable. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} sx={{ overflowX: 'auto', maxWidth: '100%', mb: 3 }}>
      {children}
    </Box>
  );
}

/**
 * A text field whose value goes into the URL only when it is right, on Enter or on leaving the
 * field; until then the problem is shown at the field. Follows the URL when it changes (back/forward).
 */
export function CommitField({
  label,
  value,
  problemOf,
  hint,
  onCommit,
  numeric = false,
}: {
  label: string;
  value: string;
  problemOf: (text: string) => string | undefined;
  hint: string;
  onCommit: (text: string) => void;
  numeric?: boolean;
}) {
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    setText(value);
  }
  const problem = problemOf(text.trim());
  const apply = () => {
    if (!problem && text.trim() !== value) onCommit(text.trim());
  };
  return (
    <OutlinedField
      label={label}
      value={text}
      inputMode={numeric ? 'numeric' : undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      sx={{ maxWidth: 360, width: '100%', mb: 2 }}
    />
  );
}
