import Box from '@mui/material/Box';
import { styled } from '@mui/material/styles';
import { useId, useState } from 'react';
import { OutlinedField } from '../../../components/outlined-field';
import { useTimeZone, zoneName } from '../../../lib/time-zone';
import {
  CREATED_PRESETS,
  formatRangeInput,
  parseRangeInput,
  presetStart,
  withFilters,
  type CreatedPreset,
  type ListView,
} from '../list-filters';

const Select = styled('select')(({ theme }) => ({
  font: 'inherit',
  fontSize: '0.9375rem',
  color: theme.palette.text.primary,
  background: theme.palette.background.paper,
  colorScheme: theme.palette.mode,
  border: `1px solid ${theme.palette.mode === 'dark' ? 'rgba(255,255,255,0.23)' : 'rgba(0,0,0,0.23)'}`,
  borderRadius: theme.shape.borderRadius,
  padding: '7px 8px',
  minHeight: 38,
  '&:focus': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -1 },
}));

const Label = styled('label')(({ theme }) => ({ fontSize: '0.75rem', color: theme.palette.text.secondary }));

/** One range box: typed text is kept until it parses, then it becomes the filter's UTC instant. */
function RangeBox({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string | undefined;
  onCommit: (iso: string | undefined) => void;
}) {
  const zone = useTimeZone();
  const shown = formatRangeInput(value, zone);
  const [text, setText] = useState(shown);
  const [last, setLast] = useState(shown);
  if (last !== shown) {
    setLast(shown);
    setText(shown);
  }
  const parsed = parseRangeInput(text, zone);
  const commit = () => {
    if (parsed === undefined || text === shown) return;
    onCommit(parsed || undefined);
  };
  return (
    <OutlinedField
      label={label}
      placeholder="YYYY-MM-DD HH:mm"
      value={text}
      error={parsed === undefined}
      helperText={
        parsed === undefined
          ? 'Write it as 2026-11-26 18:00'
          : parsed && zone === 'local'
            ? `${parsed.replace('.000Z', 'Z')} in the filter (UTC)`
            : undefined
      }
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      sx={{ width: 190 }}
    />
  );
}

/**
 * "Created": presets (last hour, day, week) in one select, and a compact custom range of two text
 * boxes in the zone times are shown in. One tab stop, three with a custom range; a native
 * datetime-local box alone has seven.
 */
export function CreatedFilter({ view, onChange }: { view: ListView; onChange: (view: ListView) => void }) {
  const id = useId();
  const zone = useTimeZone();
  const [customOpen, setCustomOpen] = useState(false);
  const custom = !view.createdPreset && Boolean(view.createdAfter || view.createdBefore);
  const choice = view.createdPreset ?? (custom || customOpen ? 'custom' : '');
  const zoneLabel = zone === 'utc' ? 'UTC' : `local, ${zoneName('local')}`;
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: '2px' }}>
        <Label htmlFor={id}>Created</Label>
        <Select
          id={id}
          value={choice}
          onChange={(e) => {
            const value = e.target.value;
            if (value === 'custom') {
              setCustomOpen(true);
              onChange(withFilters(view, { createdPreset: undefined }));
            } else if (value === '') {
              setCustomOpen(false);
              onChange(
                withFilters(view, {
                  createdPreset: undefined,
                  createdAfter: undefined,
                  createdBefore: undefined,
                }),
              );
            } else {
              setCustomOpen(false);
              const preset = value as CreatedPreset;
              onChange(
                withFilters(view, {
                  createdPreset: preset,
                  createdAfter: presetStart(preset),
                  createdBefore: undefined,
                }),
              );
            }
          }}
        >
          <option value="">Any time</option>
          {Object.entries(CREATED_PRESETS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </Select>
      </Box>
      {choice === 'custom' && (
        <>
          <RangeBox
            label={`From (${zoneLabel})`}
            value={view.createdAfter}
            onCommit={(createdAfter) => onChange(withFilters(view, { createdAfter }))}
          />
          <RangeBox
            label={`Before (${zoneLabel})`}
            value={view.createdBefore}
            onCommit={(createdBefore) => onChange(withFilters(view, { createdBefore }))}
          />
        </>
      )}
    </Box>
  );
}
