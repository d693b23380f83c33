import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'wouter';
import { OutlinedField } from '../../../components/outlined-field';
import { routes } from '../../../schemas/console-routes';
import type { Place } from '../../../schemas/names';
import { filterExpression, type ListView } from '../list-filters';
import { onScreenText } from '../on-screen-filters';
import {
  deleteView,
  saveView,
  savedQueryOf,
  searchOfSaved,
  useSavedViews,
  viewOfSaved,
  type SavedView,
} from '../saved-views';

/** A saved view in words: its filter, the on-screen one, its order. */
function describe(view: ListView): string {
  const parts = [filterExpression(view), onScreenText(view)].filter(Boolean);
  const sort = view.sort ? `sorted by ${view.sort.key}${view.sort.descending ? ', descending' : ''}` : '';
  return [parts.join(' AND ') || 'All sessions', sort].filter(Boolean).join('; ');
}

/**
 * Save the list's current filters and sort under a name, apply a saved view (a link: the URL
 * changes, and it can be copied and shared), or delete one.
 */
export function SavedViewsDialog({
  open,
  onClose,
  place,
  view,
}: {
  open: boolean;
  onClose: () => void;
  place: Place;
  view: ListView;
}) {
  const views = useSavedViews();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const current = savedQueryOf(view);
  const href = (saved: SavedView) => routes.sessions.href(place, searchOfSaved(saved));

  const save = () => {
    const trimmed = name.trim();
    const replacing = views.some((v) => v.name === trimmed);
    const refused = saveView(trimmed, view);
    setProblem(refused);
    if (refused) return;
    setDone(`${replacing ? 'Replaced' : 'Saved'} view ${trimmed}.`);
    setName('');
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="saved-views-title" fullWidth maxWidth="sm">
      <DialogTitle id="saved-views-title">Saved views</DialogTitle>
      <DialogContent>
        <Box
          component="form"
          aria-label="Save the current view"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
          sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1, flexWrap: 'wrap' }}
        >
          <OutlinedField
            label="Name for the current view"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={Boolean(problem)}
            helperText={problem ?? describe(view)}
            sx={{ flexGrow: 1, minWidth: 'min(240px, 100%)' }}
          />
          <Button type="submit" variant="contained" sx={{ mt: 0.5 }}>
            Save view
          </Button>
        </Box>
        <Typography role="status" variant="body2" sx={{ minHeight: '1.5em', mt: 0.5 }}>
          {done}
        </Typography>
        {views.length === 0 ? (
          <Typography color="text.secondary">No saved views yet.</Typography>
        ) : (
          <Box component="ul" aria-label="Saved views" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {views.map((saved) => (
              <Box
                component="li"
                key={saved.name}
                data-testid="saved-view"
                sx={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 1,
                  py: 0.5,
                  borderTop: 1,
                  borderColor: 'divider',
                }}
              >
                <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                  <Link
                    component={RouterLink}
                    to={href(saved)}
                    onClick={onClose}
                    aria-current={saved.query === current ? 'page' : undefined}
                    sx={{ fontWeight: 500 }}
                  >
                    {saved.name}
                  </Link>
                  {saved.query === current && (
                    <Typography component="span" variant="body2" color="text.secondary">
                      {' '}
                      (showing)
                    </Typography>
                  )}
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
                  >
                    {describe(viewOfSaved(saved))}
                  </Typography>
                </Box>
                <Button
                  color="error"
                  aria-label={`Delete view ${saved.name}`}
                  onClick={() => {
                    setProblem(deleteView(saved.name));
                    setDone(`Deleted view ${saved.name}.`);
                  }}
                >
                  Delete
                </Button>
              </Box>
            ))}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
