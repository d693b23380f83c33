import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import useMediaQuery from '@mui/material/useMediaQuery';
import { OutlinedField } from '../../../components/outlined-field';
import { RemovableLabelChip } from '../../../components/label-chips';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { labelKeyProblem, labelValueProblem } from '../../../schemas/label-rules';
import {
  SELECTABLE_STATES,
  activeFilterCount,
  clearedFilters,
  filterExpression,
  hasFilters,
  withFilters,
  type ListView,
} from '../list-filters';
import { STATE_LABEL } from '../../../lib/session-state';
import { CreatedFilter } from './created-filter';
import type { FilterProblem } from '../filter-problem';
import type { Session } from '../../../schemas/wire';
import { MoreFiltersButton, MoreFiltersPanel } from './more-filters';
import { mediaQueryOptions } from '../../../lib/render-environment';

export type { FilterProblem };

export function SessionFiltersBar({
  view,
  onChange,
  problem,
  loaded,
}: {
  view: ListView;
  onChange: (view: ListView) => void;
  /** The rows the API returned for this page (the on-screen filters choose among their values). */
  loaded: readonly Session[];
  /** The last expression sent was refused: the field is marked with the server's words. */
  problem?: FilterProblem;
}) {
  const theme = useTheme();
  const [search, setSearch] = useState(view.search);
  const [labelText, setLabelText] = useState('');
  const [labelError, setLabelError] = useState<string>();
  const expression = filterExpression(view);
  const [expressionText, setExpressionText] = useState(expression);
  const searchRef = useRef<HTMLInputElement>(null);
  // The URL changed from elsewhere (back button, a label chip, a saved view): show it in the boxes.
  // After render, never during it; typing that led to this URL finds its own text again.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- following the URL, an outside source
    setSearch(view.search);
  }, [view.search]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- following the URL, an outside source
    setExpressionText(expression);
  }, [expression]);

  // "/" focuses the search box, as in most consoles, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        event.key === '/' &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) &&
        !target.isContentEditable
      ) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Typing in the search box filters after a short pause.
  useEffect(() => {
    if (search === view.search) return;
    const timer = setTimeout(() => onChange(withFilters(view, { search })), 400);
    return () => clearTimeout(timer);
  }, [search, view, onChange]);

  const addLabel = () => {
    const text = labelText.trim();
    if (!text) return;
    const at = text.indexOf('=');
    const key = at < 0 ? text : text.slice(0, at);
    const value = at < 0 ? '' : text.slice(at + 1);
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem) {
      setLabelError(problem);
      return;
    }
    setLabelError(undefined);
    setLabelText('');
    onChange(withFilters(view, { labels: [...view.labels.filter((l) => l.key !== key), { key, value }] }));
  };

  // On a phone the filters fold behind one button, so the first rows are visible without scrolling.
  const narrow = useMediaQuery(theme.breakpoints.down('sm'), mediaQueryOptions());
  const [unfolded, setUnfolded] = useState(false);
  // Folded at first (and on the server): unfolding is the user's choice.
  const [moreOpen, setMoreOpen] = useState(false);
  const moreButton = (
    <MoreFiltersButton open={moreOpen} onToggle={() => setMoreOpen(!moreOpen)} view={view} />
  );
  const count = activeFilterCount(view);
  const custom = view.customFilter !== undefined;
  const expressionRef = useRef<HTMLInputElement>(null);
  // Enter on the expression as it is changes nothing: only an edited expression becomes a custom filter.
  const applyExpression = () => {
    if (expressionText.trim() === expression.trim()) return;
    onChange(withFilters(view, { customFilter: expressionText }));
  };
  // A refused expression: put the caret where the server stopped reading, if the field has focus.
  useEffect(() => {
    const input = expressionRef.current;
    if (!problem?.position || !input || document.activeElement !== input) return;
    input.setSelectionRange(problem.position - 1, problem.position);
  }, [problem]);
  return (
    <>
      {narrow && (
        <Button
          variant="outlined"
          aria-expanded={unfolded}
          aria-controls="list-filters"
          onClick={() => setUnfolded(!unfolded)}
          sx={{ mb: 1 }}
        >
          {count ? `Filters (${count})` : 'Filters'}
        </Button>
      )}
      <Box
        component="section"
        id="list-filters"
        aria-label="Filters"
        hidden={narrow && !unfolded}
        sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 1, '&[hidden]': { display: 'none' } }}
      >
        {!custom && (
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <OutlinedField
              label="Search session ID"
              placeholder="Press / to search"
              value={search}
              inputRef={searchRef}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onChange(withFilters(view, { search }));
              }}
              sx={{ width: 190 }}
            />
            <Box
              component="fieldset"
              sx={{
                border: 0,
                p: 0,
                m: 0,
                display: 'flex',
                alignItems: 'center',
                flexWrap: 'wrap',
                alignSelf: 'flex-end',
                minHeight: 38,
              }}
            >
              <Typography
                component="legend"
                variant="body2"
                color="text.secondary"
                sx={{ float: 'left', mr: 1 }}
              >
                State
              </Typography>
              {SELECTABLE_STATES.map((state) => (
                // Native checkboxes: cheaper to render than MUI's, and the list route renders often.
                <Typography
                  key={state}
                  component="label"
                  variant="body2"
                  sx={{ mr: 1.5, display: 'inline-flex', gap: 0.5, alignItems: 'center', cursor: 'pointer' }}
                >
                  <input
                    type="checkbox"
                    checked={view.states.includes(state)}
                    onChange={(e) =>
                      onChange(
                        withFilters(view, {
                          states: e.target.checked
                            ? [...view.states, state]
                            : view.states.filter((s) => s !== state),
                        }),
                      )
                    }
                    style={{ width: 16, height: 16, accentColor: theme.palette.primary.main }}
                  />
                  {STATE_LABEL[state]}
                </Typography>
              ))}
            </Box>
            <OutlinedField
              label="Label filter"
              placeholder="key=value, then Enter"
              value={labelText}
              error={Boolean(labelError)}
              helperText={labelError}
              onChange={(e) => setLabelText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') addLabel();
              }}
              sx={{ width: 200 }}
            />
            <CreatedFilter view={view} onChange={onChange} />
          </Box>
        )}
        {!custom && view.labels.length > 0 && (
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} role="group" aria-label="Label filters">
            {view.labels.map(({ key, value }) => (
              <RemovableLabelChip
                key={key}
                text={`${key}=${value}`}
                onRemove={() =>
                  onChange(withFilters(view, { labels: view.labels.filter((l) => l.key !== key) }))
                }
              />
            ))}
          </Box>
        )}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Box sx={{ flex: '1 1 300px', minWidth: 'min(300px, 100%)' }}>
            <OutlinedField
              label="Filter sent to the API (AIP-160): edit it and press Enter to use your own"
              value={expressionText}
              inputRef={expressionRef}
              error={Boolean(problem)}
              onChange={(e) => setExpressionText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') applyExpression();
              }}
              placeholder='state = ACTIVE AND labels.env = "prod"'
              helperText={problem ? `The API refused this filter: ${problem.message}` : undefined}
              sx={{ '& input': { fontFamily: 'monospace' } }}
              inputProps={{ 'data-testid': 'filter-expression' }}
            />
            {problem?.position !== undefined && expressionText === expression && (
              // Where the server stopped reading, drawn under the expression (the message says it in words).
              <Box
                aria-hidden="true"
                data-testid="filter-error-position"
                sx={{
                  fontFamily: 'monospace',
                  fontSize: '0.875rem',
                  mx: 1.5,
                  mt: 0.5,
                  overflowWrap: 'anywhere',
                  '& mark': { bgcolor: 'error.main', color: 'error.contrastText', borderRadius: 0.5 },
                }}
              >
                {expression.slice(0, problem.position - 1)}
                <mark>{expression.slice(problem.position - 1, problem.position) || ' '}</mark>
                {expression.slice(problem.position)}
              </Box>
            )}
          </Box>
          {expressionText !== expression && (
            <Button variant="outlined" onClick={applyExpression}>
              Apply
            </Button>
          )}
          {moreButton}
          {moreOpen && <MoreFiltersPanel view={view} onChange={onChange} loaded={loaded} />}
          {/* Here rather than after the simple filters: that line is full at 1280 px and would wrap. */}
          {(custom || hasFilters(view)) && (
            <Button onClick={() => onChange(clearedFilters(view))} sx={{ alignSelf: 'center' }}>
              Clear filters
            </Button>
          )}
          {custom && (
            <>
              <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>
                Using your expression; the simple filters are hidden.
              </Typography>
            </>
          )}
        </Box>
      </Box>
    </>
  );
}
