import Box from '@mui/material/Box';
import { styled } from '@mui/material/styles';
import { isSystemLabel } from '../schemas/label-rules';

/**
 * A label as a small chip. Plain elements styled once, rather than MUI Chips: a list page holds
 * hundreds of them, and these render several times faster.
 */
const chipStyle = {
  font: 'inherit',
  fontSize: '0.8125rem',
  lineHeight: 1.6,
  border: 0,
  borderRadius: 12,
  padding: '0 8px',
  margin: 0,
  whiteSpace: 'nowrap',
  // A 63+63-character label is cut short with an ellipsis; its full text stays in the DOM (to select
  // and copy) and in its title (on hover).
  display: 'inline-block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  verticalAlign: 'middle',
  minWidth: 0,
  // Where the whole value must be readable (see LabelChips' `wrap`): more lines instead of a cut.
  '&.wraps': { whiteSpace: 'normal', overflowWrap: 'anywhere' },
} as const;

const StaticChip = styled('span')(({ theme }) => ({
  ...chipStyle,
  background: theme.palette.action.selected,
  color: theme.palette.text.primary,
}));

const ClickableChip = styled('button')(({ theme }) => ({
  ...chipStyle,
  cursor: 'pointer',
  background: theme.palette.action.selected,
  color: theme.palette.text.primary,
  '&:hover': { background: theme.palette.action.focus },
  '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
}));

const RemovableChip = styled('span')(({ theme }) => ({
  ...chipStyle,
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  paddingRight: 2,
  background: theme.palette.action.selected,
  color: theme.palette.text.primary,
  '& button': {
    font: 'inherit',
    lineHeight: 1,
    border: 0,
    borderRadius: '50%',
    width: 20,
    height: 20,
    cursor: 'pointer',
    background: 'transparent',
    color: 'inherit',
  },
  '& button:hover': { background: theme.palette.action.focus },
  '& button:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
}));

/** An active filter as a chip with its own remove button (named, so it reads "Remove label filter …"). */
export function RemovableLabelChip({
  text,
  onRemove,
  removeLabel = `Remove label filter ${text}`,
}: {
  text: string;
  onRemove: () => void;
  /** The remove button's name (a chip that is not a label filter says what it removes). */
  removeLabel?: string;
}) {
  return (
    <RemovableChip title={text}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{text}</span>
      <button type="button" aria-label={removeLabel} onClick={onRemove}>
        ×
      </button>
    </RemovableChip>
  );
}

/** A session's own labels as chips; clicking one filters by it. Service-added goog-* labels are left out. */
export function LabelChips({
  labels,
  onSelect,
  includeSystem = false,
  maxChipWidth = '100%',
  wrap = false,
}: {
  labels: Record<string, string> | undefined;
  onSelect?: (key: string, value: string) => void;
  includeSystem?: boolean;
  /** How wide one chip may get before it is ellipsized (the list caps it so one label cannot widen the table). */
  maxChipWidth?: string;
  /**
   * Long labels wrap onto more lines instead of being cut: where the labels are the content (a
   * session's page), the whole value must be readable without a pointer to hover.
   */
  wrap?: boolean;
}) {
  const entries = Object.entries(labels ?? {}).filter(([key]) => includeSystem || !isSystemLabel(key));
  if (!entries.length) return null;
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 0.5,
        minWidth: 0,
        '& > *': { maxWidth: maxChipWidth },
      }}
    >
      {entries.map(([key, value]) => {
        const text = value ? `${key}=${value}` : key;
        return onSelect ? (
          <ClickableChip
            key={key}
            type="button"
            onClick={() => onSelect(key, value)}
            aria-label={`Filter by label ${text}`}
            title={text}
            className={wrap ? 'wraps' : undefined}
          >
            {text}
          </ClickableChip>
        ) : (
          <StaticChip key={key} title={text} className={wrap ? 'wraps' : undefined}>
            {text}
          </StaticChip>
        );
      })}
    </Box>
  );
}
