import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatMilliSeconds, formatRelative, formatSeconds } from './format';

describe('durations and times as people read them', () => {
  it('formats seconds with at most two units', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(5400)).toBe('1 h 30 min');
    expect(formatSeconds(1209600)).toBe('14 d');
    expect(formatSeconds(90061)).toBe('1 d 1 h');
  });
  it('formats google-durations, keeping text it cannot read', () => {
    expect(formatDuration('3600s')).toBe('1 h');
    expect(formatDuration('86400s')).toBe('1 d');
    expect(formatDuration('soon')).toBe('soon');
  });
  it('relative times drop seconds past a minute', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(formatRelative('2026-11-25T11:59:58Z', now)).toBe('just now');
    expect(formatRelative('2026-11-25T11:59:30Z', now)).toBe('30 s ago');
    expect(formatRelative('2026-11-25T11:05:31Z', now)).toBe('54 min ago');
    expect(formatRelative('2026-11-25T13:30:00Z', now)).toBe('in 1 h 30 min');
  });
  it('usage in hours with units', () => {
    expect(formatMilliSeconds('7200000', 'DCU-hours')).toBe('2 DCU-hours');
    expect(formatMilliSeconds(undefined, 'DCU-hours')).toBe('');
  });
});

describe('absolute times carry their zone', () => {
  it('in UTC, says UTC', () => {
    expect(formatDateTime('2026-11-25T18:05:09Z', 'utc')).toMatch(/Nov 25, 2026.*6:05:09\sPM UTC/);
  });
  it('in local time, names the local zone', () => {
    const text = formatDateTime('2026-11-25T18:05:09Z', 'local');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/(UTC|GMT|[A-Z]{2,5})[+-−]?\d*$/);
  });
  it('keeps text it cannot read', () => {
    expect(formatDateTime('yesterday', 'utc')).toBe('yesterday');
  });
});
