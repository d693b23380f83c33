import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { isSystemLabel } from '../session-state';

/** A session's own labels as chips; clicking one filters by it. Service-added goog-* labels are left out. */
export function LabelChips({
  labels,
  onSelect,
  includeSystem = false,
}: {
  labels: Record<string, string> | undefined;
  onSelect?: (key: string, value: string) => void;
  includeSystem?: boolean;
}) {
  const entries = Object.entries(labels ?? {}).filter(([key]) => includeSystem || !isSystemLabel(key));
  if (!entries.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {entries.map(([key, value]) => {
        const text = value ? `${key}=${value}` : key;
        return onSelect ? (
          <Chip
            key={key}
            size="small"
            label={text}
            onClick={() => onSelect(key, value)}
            aria-label={`Filter by label ${text}`}
          />
        ) : (
          <Chip key={key} size="small" label={text} />
        );
      })}
    </Box>
  );
}
