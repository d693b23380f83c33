import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { OutlinedSelect } from '../../../components/outlined-field';
import { PAGE_SIZES, withFilters, type ListView } from '../list-filters';

/** Rows per page and the API's pages (its page tokens, kept in the URL). */
export function ListPager({
  view,
  onViewChange,
  nextPageToken,
}: {
  view: ListView;
  onViewChange: (view: ListView) => void;
  /** The token of the page after this one; undefined when there is none (or it is not known yet). */
  nextPageToken: string | undefined;
}) {
  const page = view.pageTokens.length + 1;
  return (
    <Box
      component="nav"
      aria-label="Pages"
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: 2,
        mt: 1,
        flexWrap: 'wrap',
      }}
    >
      <OutlinedSelect
        label="Rows per page"
        value={view.pageSize}
        onChange={(e) => onViewChange(withFilters(view, { pageSize: Number(e.target.value) }))}
      >
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </OutlinedSelect>
      <Typography variant="body2">Page {page}</Typography>
      <Button
        startIcon={<NavigateBeforeIcon />}
        disabled={page === 1}
        onClick={() => onViewChange({ ...view, pageTokens: view.pageTokens.slice(0, -1) })}
      >
        Previous
      </Button>
      <Button
        endIcon={<NavigateNextIcon />}
        disabled={!nextPageToken}
        onClick={() =>
          nextPageToken && onViewChange({ ...view, pageTokens: [...view.pageTokens, nextPageToken] })
        }
      >
        Next
      </Button>
    </Box>
  );
}
