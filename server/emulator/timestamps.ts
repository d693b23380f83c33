/**
 * Strict RFC 3339 timestamps (and plain dates, where filters allow them). `Date.parse` accepts
 * `2024-02-31` and rolls it over to 2 March; a request naming an impossible moment is refused.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2})))?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch, or undefined when the text is no real moment. */
export function parseTimestamp(raw: string, { dateOnly = false } = {}): number | undefined {
  const m = TIMESTAMP.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, , zone, zh, zm] = m;
  if (h === undefined && !dateOnly) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)) return undefined;
  if (zone && zh !== undefined && (Number(zh) > 23 || Number(zm) > 59)) return undefined;
  const time = Date.parse(h === undefined ? `${y}-${mo}-${d}T00:00:00Z` : raw.toUpperCase());
  return Number.isNaN(time) ? undefined : time;
}
