import Box from '@mui/material/Box';
import { styled } from '@mui/material/styles';
import { Link as RouterLink, useLocation } from 'wouter';
import { matchRoute, paths, routes } from '../../schemas/console-routes';

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

/** Sessions | Templates of the project and region in view; Costs: the project's fleet, every region. */
export function SectionNav({ project, location }: { project: string; location: string }) {
  const [path] = useLocation();
  const section = matchRoute(path)?.route.section ?? 'sessions';
  const current = (s: typeof section) => (section === s ? 'page' : undefined);
  return (
    <Box component="nav" aria-label="Sections" sx={{ display: 'flex', gap: 0.5 }}>
      <NavLink to={paths.sessions(project, location)} aria-current={current('sessions')}>
        Sessions
      </NavLink>
      <NavLink to={paths.templates(project, location)} aria-current={current('templates')}>
        Templates
      </NavLink>
      <NavLink to={routes.fleet.href({ project })} aria-current={current('costs')}>
        Costs
      </NavLink>
    </Box>
  );
}
