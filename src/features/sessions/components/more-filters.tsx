import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { RemovableLabelChip } from '../../../components/label-chips';
import { OutlinedSelect } from '../../../components/outlined-field';
import type { Session } from '../../../schemas/wire';
import { onScreenFilterCount, type ListView } from '../list-filters';
import { ON_SCREEN_FILTERS, activeOnScreen, choicesFor, type OnScreenKey } from '../on-screen-filters';

/** Changing an on-screen filter asks the API for nothing new: the page (and its token) stays. */
const withOnScreen = (view: ListView, key: OnScreenKey, value: string | undefined): ListView => ({
  ...view,
  [key]: value || undefined,
});

/**
 * "More filters": a compact button that unfolds the filters the API cannot do (creator, template,
 * runtime version), each a choice among the values of the loaded rows. Folded, it takes no line
 * of its own, so the table keeps its rows at 1280×720; the filters in force show as chips.
 */
export function MoreFiltersButton({
  open,
  onToggle,
  view,
}: {
  open: boolean;
  onToggle: () => void;
  view: ListView;
}) {
  const count = onScreenFilterCount(view);
  return (
    <Button
      aria-expanded={open}
      aria-controls="more-filters"
      onClick={onToggle}
      sx={{ alignSelf: 'center', whiteSpace: 'nowrap' }}
    >
      {count ? `More filters (${count})` : 'More filters'}
    </Button>
  );
}

/**
 * The unfolded on-screen filters: one native select per field, "Any" first, beside the expression
 * (so opening them costs no line at 1280 px). Each label says it filters on screen.
 */
export function MoreFiltersPanel({
  view,
  onChange,
  loaded,
}: {
  view: ListView;
  onChange: (view: ListView) => void;
  /** The rows the API returned for this page, before any on-screen filter. */
  loaded: readonly Session[];
}) {
  return (
    <Box
      id="more-filters"
      role="group"
      aria-label="Filters applied on screen"
      sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-end' }}
    >
      {ON_SCREEN_FILTERS.map((filter) => (
        <OutlinedSelect
          key={filter.key}
          label={`${filter.label} (on screen)`}
          value={view[filter.key] ?? ''}
          onChange={(e) => onChange(withOnScreen(view, filter.key, e.target.value))}
          sx={{ width: 170 }}
        >
          <option value="">Any</option>
          {choicesFor(filter, loaded, view[filter.key]).map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </OutlinedSelect>
      ))}
    </Box>
  );
}

/** The on-screen filters in force as removable chips, with how many loaded rows they keep. */
export function OnScreenFilterChips({
  view,
  onChange,
  loaded,
  shown,
}: {
  view: ListView;
  onChange: (view: ListView) => void;
  loaded: number;
  shown: number;
}) {
  const active = activeOnScreen(view);
  if (active.length === 0) return null;
  return (
    <Box
      data-testid="on-screen-filters"
      sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
    >
      {active.map(({ filter, value }) => (
        <RemovableLabelChip
          key={filter.key}
          text={`${filter.label}: ${value}`}
          removeLabel={`Remove filter ${filter.label}: ${value}`}
          onRemove={() => onChange(withOnScreen(view, filter.key, undefined))}
        />
      ))}
      <Typography variant="body2" color="text.secondary" data-testid="on-screen-note">
        On screen: {shown} of {loaded} loaded row{loaded === 1 ? '' : 's'} (the API cannot filter by these)
      </Typography>
    </Box>
  );
}
