import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import SettingsBrightnessIcon from '@mui/icons-material/SettingsBrightness';
import CloudIcon from '@mui/icons-material/Cloud';
import StorageIcon from '@mui/icons-material/Storage';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'wouter';
import { OutlinedField } from '../../components/outlined-field';
import { describeBackend, serverInfoQuery, type ServerInfo } from '../../lib/server-info';
import { useColorMode } from '../color-mode';
import { DEFAULT_LOCATION, DEFAULT_PROJECT, matchRoute, paths } from '../../schemas/console-routes';
import { KNOWN_REGIONS } from '../../schemas/regions';
import { rememberProject } from './recent-projects';
import { SectionNav } from './section-nav';
import { TimeZoneToggle } from './time-zone-toggle';

const NEXT_MODE = { system: 'light', light: 'dark', dark: 'system' } as const;

function ThemeToggle() {
  const { preference: current, setPreference: setMode } = useColorMode();
  const label = `Colour theme: ${current}. Switch to ${NEXT_MODE[current]}`;
  return (
    <IconButton color="inherit" aria-label={label} title={label} onClick={() => setMode(NEXT_MODE[current])}>
      {current === 'dark' ? (
        <DarkModeIcon />
      ) : current === 'light' ? (
        <LightModeIcon />
      ) : (
        <SettingsBrightnessIcon />
      )}
    </IconButton>
  );
}

/** A free-text region with the known regions offered by the browser's own list (a datalist). */
function RegionField({ location, onChange }: { location: string; onChange: (region: string) => void }) {
  const [text, setText] = useState(location);
  const [last, setLast] = useState(location);
  if (location !== last) {
    setLast(location);
    setText(location);
  }
  return (
    <>
      <OutlinedField
        label="Region"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (KNOWN_REGIONS.includes(e.target.value)) onChange(e.target.value);
        }}
        onBlur={() => onChange(text.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(text.trim());
        }}
        inputProps={{ list: 'known-regions', autoComplete: 'off' }}
        sx={{ width: { xs: 'auto', sm: 170 }, flex: { xs: 1, sm: 'none' }, minWidth: 0 }}
      />
      <datalist id="known-regions">
        {KNOWN_REGIONS.map((region) => (
          <option key={region} value={region} />
        ))}
      </datalist>
    </>
  );
}

/** Project and region pickers: changing either opens that region's session list. */
function PlacePickers({ project, location }: { project: string; location: string }) {
  const [, navigate] = useLocation();
  const [projectText, setProjectText] = useState(project);
  const [lastProject, setLastProject] = useState(project);
  // Remembering is idempotent, so doing it while rendering a new project is safe.
  const [recent, setRecent] = useState(() => rememberProject(project));
  if (project !== lastProject) {
    // The URL changed (back button, a shared link): show its project.
    setLastProject(project);
    setRecent(rememberProject(project));
    setProjectText(project);
  }
  const go = (p: string, l: string) => {
    const cleanProject = p.trim();
    if (cleanProject && l && (cleanProject !== project || l !== location))
      navigate(paths.sessions(cleanProject, l));
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', width: { xs: '100%', sm: 'auto' } }}>
      <OutlinedField
        label="Project"
        value={projectText}
        onChange={(e) => setProjectText(e.target.value)}
        onBlur={() => go(projectText, location)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go(projectText, location);
        }}
        inputProps={{ list: 'recent-projects', autoComplete: 'off' }}
        sx={{ width: { xs: 'auto', sm: 150 }, flex: { xs: 1, sm: 'none' }, minWidth: 0 }}
      />
      <datalist id="recent-projects">
        {recent.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <RegionField location={location} onChange={(region) => go(projectText, region)} />
    </Box>
  );
}

/**
 * What the server behind this console is connected to. Not a switch: the browser talks only to the
 * server that served it, and the server holds the credentials (`npm start -- --upstream URL`).
 */
function BackendIndicator({ info }: { info: ServerInfo | undefined }) {
  const backend = describeBackend(info);
  const detail =
    info?.mode === 'upstream'
      ? `Forwarding to ${info.upstream ?? 'the upstream API'} with ${info.credential ?? 'the server’s credentials'}`
      : 'The embedded Dataproc emulator of this server (start with --upstream to use Google Cloud)';
  return (
    <Box
      data-testid="backend-indicator"
      title={detail}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 0.75,
        px: 1.25,
        py: 0.5,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        maxWidth: 360,
        minWidth: 0,
      }}
    >
      {info?.mode === 'upstream' ? <CloudIcon fontSize="small" /> : <StorageIcon fontSize="small" />}
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" component="div" noWrap>
          <Box component="span" sx={{ position: 'absolute', left: -9999 }}>
            Backend:{' '}
          </Box>
          {backend}
        </Typography>
        {info?.mode === 'upstream' && info.credential && (
          <Typography variant="caption" component="div" noWrap color="text.secondary">
            {info.credential}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const [path] = useLocation();
  // Any route's project and region; a region-less route keeps the region last chosen by default.
  const matched = matchRoute(path);
  const place = matched?.params;
  const onList = matched?.id === 'sessions';
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const project = place?.project ?? serverInfo?.defaultProject ?? DEFAULT_PROJECT;
  const location = place?.location ?? serverInfo?.defaultLocation ?? DEFAULT_LOCATION;

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: -9999,
          color: 'primary.main',
          '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
        }}
      >
        Skip to content
      </Box>
      {onList && (
        <Box
          component="a"
          href="#sessions-table"
          onClick={(event) => {
            // Focus the table itself (it takes focus programmatically), without a hash in the URL.
            event.preventDefault();
            document.getElementById('sessions-table')?.focus();
          }}
          sx={{
            position: 'absolute',
            left: -9999,
            color: 'primary.main',
            '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
          }}
        >
          Skip to the sessions table
        </Box>
      )}
      {/* A plain sticky header: MUI's AppBar and Toolbar add weight to every route for a flex row. */}
      <Box
        component="header"
        sx={{
          // On a phone the wrapped header is tall: it scrolls away instead of covering the rows.
          position: { xs: 'static', sm: 'sticky' },
          top: 0,
          zIndex: 1100,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          color: 'text.primary',
        }}
      >
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: { xs: 1, sm: 2 },
            flexWrap: 'wrap',
            py: 1,
            px: { xs: 1, sm: 3 },
            minHeight: { xs: 56, sm: 64 },
          }}
        >
          <Typography
            variant="h6"
            component={RouterLink}
            to={paths.sessions(project, location)}
            sx={{ color: 'inherit', textDecoration: 'none', mr: { xs: 0, sm: 2 } }}
          >
            Dataproc Sessions
          </Typography>
          <PlacePickers project={project} location={location} />
          <SectionNav project={project} location={location} />
          <Box sx={{ flexGrow: 1 }} />
          <BackendIndicator info={serverInfo} />
          <TimeZoneToggle />
          <ThemeToggle />
        </Box>
      </Box>
      <Box component="main" id="main" tabIndex={-1} sx={{ p: { xs: 1, sm: 3 }, maxWidth: 1600, mx: 'auto' }}>
        {children}
      </Box>
    </Box>
  );
}
