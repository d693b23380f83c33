import Box from '@mui/material/Box';
import { OVERVIEW_PANELS } from './panels';
import type { SessionSlotProps } from './slots';

/** The Overview tab: the panels of ./panels.tsx in two columns (one below 900 px). */
export function Overview(props: SessionSlotProps) {
  const column = (which: 'main' | 'side') =>
    OVERVIEW_PANELS.filter((panel) => panel.column === which).map(({ id, Panel }) => (
      <Panel key={id} {...props} />
    ));
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        // Tracks that may shrink below their content, and content that wraps inside them: the two
        // columns can never paint over each other. One column below 900 px.
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(0, 3fr)' },
        alignItems: 'start',
      }}
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', minWidth: 0 }}>
        {column('main')}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', minWidth: 0 }}>
        {column('side')}
      </Box>
    </Box>
  );
}
