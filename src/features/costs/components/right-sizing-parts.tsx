import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { RightSizingSuggestion } from '../model';
import { formatMoney } from './money';

/** The right-sizing panels' suggestions: the change and its saving, then the numbers it came from. */
export function SuggestionList<S extends RightSizingSuggestion>({
  suggestions,
  details,
}: {
  suggestions: readonly S[];
  /** More under a suggestion (the template panel's per-session figures). */
  details?: (suggestion: S) => ReactNode;
}) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {suggestions.map((s) => (
        <li key={`${s.rule}-${s.property}`}>
          <Typography component="span" sx={{ fontWeight: 500 }}>
            {s.property}: {s.currentValue} → {s.newValue}, saves {formatMoney(s.savedPerHour, s.currency)}/h
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {s.evidence}
          </Typography>
          {details?.(s)}
        </li>
      ))}
    </Box>
  );
}

/** A titled list of notes (metrics missing, changes held back); nothing when there are none. */
export function NoteList({ title, notes }: { title: string; notes: readonly string[] }) {
  if (!notes.length) return null;
  return (
    <>
      <Typography variant="body2" sx={{ mt: 1.5 }}>
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {notes.map((note) => (
          <Typography component="li" variant="body2" key={note} sx={{ overflowWrap: 'anywhere' }}>
            {note}
          </Typography>
        ))}
      </Box>
    </>
  );
}
