import { Alert } from './lazy-alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'wouter';
import { dismissFlash, useFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import type { Place } from '../schemas/names';
import { useFocusOnNavigation } from './use-focus-on-navigation';

export interface Crumb {
  label: string;
  /** A link, except for the page itself. */
  to?: string;
}

/** Plain elements styled once: the frame is on the list route, whose JavaScript is kept small. */
const CrumbList = styled('ol')(({ theme }) => ({
  display: 'flex',
  flexWrap: 'wrap',
  gap: 4,
  listStyle: 'none',
  margin: '0 0 4px',
  padding: 0,
  fontSize: '0.875rem',
  color: theme.palette.text.secondary,
  '& li + li::before': { content: '"›"', marginRight: 4 },
  '& a': { color: theme.palette.primary.main, textUnderlineOffset: 2 },
}));

/** Where a page sits: project · region, then Sessions or Templates, then the page's own crumbs. */
export function placeCrumbs(place: Place, section: 'sessions' | 'templates', ...rest: Crumb[]): Crumb[] {
  return [
    { label: `${place.project} · ${place.location}` },
    section === 'sessions'
      ? { label: 'Sessions', to: paths.sessions(place.project, place.location) }
      : { label: 'Templates', to: paths.templates(place.project, place.location) },
    ...rest,
  ];
}

/** The browser's name for every page: tabs and history entries say which page and which resource. */
export const APP_TITLE = 'Dataproc Sessions Console';

export function documentTitleOf(page: string, place?: string): string {
  return [page, place, APP_TITLE].filter(Boolean).join(' · ');
}

/**
 * Every page's frame: breadcrumbs, one h1 title (with what belongs next to it, such as a state),
 * the page's actions, then its content.
 */
export function PageFrame({
  title,
  adornment,
  breadcrumbs = [],
  actions,
  actionsLabel = 'Page actions',
  documentTitle,
  children,
}: {
  title: ReactNode;
  /** The page's name in the browser tab, when `title` is not plain text or says too little. */
  documentTitle?: string;
  adornment?: ReactNode;
  breadcrumbs?: Crumb[];
  actions?: ReactNode;
  /** The toolbar's accessible name, e.g. "Session actions". */
  actionsLabel?: string;
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigation(heading);
  const pageName = documentTitle ?? (typeof title === 'string' ? title : undefined);
  const placeLabel = breadcrumbs[0] && !breadcrumbs[0].to ? breadcrumbs[0].label : undefined;
  useEffect(() => {
    if (pageName) document.title = documentTitleOf(pageName, placeLabel);
  }, [pageName, placeLabel]);
  const [path] = useLocation();
  const flashed = useFlash(path);
  return (
    <>
      {breadcrumbs.length > 0 && (
        <nav aria-label="Breadcrumb">
          <CrumbList>
            {breadcrumbs.map((crumb, i) => (
              <li key={`${i}-${crumb.label}`}>
                {crumb.to ? <RouterLink to={crumb.to}>{crumb.label}</RouterLink> : crumb.label}
              </li>
            ))}
          </CrumbList>
        </nav>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography
          variant="h4"
          component="h1"
          ref={heading}
          tabIndex={-1}
          sx={{ wordBreak: 'break-all', '&:focus': { outline: 'none' } }}
        >
          {title}
        </Typography>
        {adornment}
        <Box sx={{ flexGrow: 1 }} />
        {actions && (
          <Box
            sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
            role="toolbar"
            aria-label={actionsLabel}
          >
            {actions}
          </Box>
        )}
      </Box>
      {flashed && (
        // Already read out when it was set (lib/flash): no live region here, so it is not read twice.
        <Alert severity="success" sx={{ mb: 1 }} onClose={dismissFlash} data-testid="flash">
          {flashed}
        </Alert>
      )}
      {children}
    </>
  );
}

/** A wide main column and a narrower side column, one column below the large breakpoint. */
export const TWO_COLUMNS = {
  display: 'grid',
  gap: 2,
  gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
  alignItems: 'start',
} as const;
