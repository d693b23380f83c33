import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Session } from '../../../schemas/wire';
import { sessionLinks } from '../session-links';

/** Links out (logs, Spark UI, JupyterLab), each only when it applies; nothing when none does. */
export function SessionLinksPanel({ session }: { session: Session }) {
  const links = sessionLinks(session);
  if (links.length === 0) return null;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="links-title"
      sx={{ p: 2, minWidth: 0 }}
      data-testid="links-panel"
    >
      <Typography id="links-title" variant="h6" component="h2" gutterBottom>
        Open elsewhere
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
        {links.map((link) => (
          <li key={link.id}>
            <Link
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              data-testid={`link-${link.id}`}
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontWeight: 500 }}
            >
              {link.label}
              <OpenInNewIcon fontSize="inherit" aria-hidden="true" />
              <Box component="span" sx={visuallyHidden}>
                (opens in a new tab)
              </Box>
            </Link>
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {link.description}
            </Typography>
          </li>
        ))}
      </Box>
    </Paper>
  );
}

/** Read, not drawn (px strings: MUI reads a bare 1 as 100%). */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
