import Box from '@mui/material/Box';
import { styled } from '@mui/material/styles';
import { Link as RouterLink, useLocation } from 'wouter';
import { matchRoute, paths } from '../../schemas/console-routes';

const NavLink = styled(RouterLink)(({ theme }) => ({
  color: theme.palette.text.primary,
  padding: '6px 10px',
  borderRadius: 4,
  textDecoration: 'none',
  '&:hover': { background: theme.palette.action.hover },
  // The current section is marked by weight and an underline, not by colour alone.
  '&[aria-current="page"]': {
    fontWeight: 600,
    textDecoration: 'underline',
    textUnderlineOffset: 6,
    textDecorationThickness: 2,
  },
}));

/** Sessions | Templates of the project and region in view. */
export function SectionNav({ project, location }: { project: string; location: string }) {
  const [path] = useLocation();
  const templates = matchRoute(path)?.route.section === 'templates';
  return (
    <Box component="nav" aria-label="Sections" sx={{ display: 'flex', gap: 0.5 }}>
      <NavLink to={paths.sessions(project, location)} aria-current={templates ? undefined : 'page'}>
        Sessions
      </NavLink>
      <NavLink to={paths.templates(project, location)} aria-current={templates ? 'page' : undefined}>
        Templates
      </NavLink>
    </Box>
  );
}
