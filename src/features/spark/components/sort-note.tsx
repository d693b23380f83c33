import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SortState } from '../../../components/data-table';

/**
 * Under a table whose rows come from the API page by page: once sorted by a column, it says the
 * order holds within the rows loaded (older ones are not looked at) and offers the API's order back.
 */
export function SortNote({
  sort,
  loaded,
  what,
  more,
  apiOrder,
  onClear,
}: {
  sort: SortState | undefined;
  loaded: number;
  what: string;
  /** More pages exist on the server. */
  more: boolean;
  apiOrder: string;
  onClear: () => void;
}) {
  if (!sort) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="sort-note">
      {more
        ? `Sorted within the ${loaded.toLocaleString('en-US')} ${what} loaded; the API lists them ${apiOrder}, and older ones are not included until loaded. `
        : `Sorted on screen; the API lists them ${apiOrder}. `}
      <Button size="small" onClick={onClear}>
        Back to the API’s order
      </Button>
    </Typography>
  );
}
