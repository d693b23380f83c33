import { parseDurationSeconds } from '../schemas/label-rules';
import { numberFormat } from './number-format';
import { renderEnvironment } from './render-environment';
import { getTimeZone, type TimeZoneSetting } from './time-zone';

const UNITS: [string, number][] = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
];

/** Seconds as people read them: "1 h 30 min", "14 d", "45 s". At most two units. */
export function formatSeconds(total: number): string {
  if (!Number.isFinite(total)) return '—';
  let rest = Math.max(0, Math.round(total));
  if (rest === 0) return '0 s';
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    } else if (parts.length) break;
  }
  return parts.join(' ');
}

/** A google-duration ("5400s") in words; the raw text when it does not parse. */
export function formatDuration(duration: string | undefined): string {
  if (!duration) return '';
  const seconds = parseDurationSeconds(duration);
  return seconds === undefined ? duration : formatSeconds(seconds);
}

/**
 * Formatters are made once per zone: `toLocaleString(…, options)` builds a new one on every call,
 * which on a list of rows is a measurable part of the first paint. While a server-rendered page is
 * rendered or hydrated, "local" is the zone and locale it was rendered in (src/lib/render-environment.ts),
 * so the browser's first render writes the very text the server sent.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const environment = renderEnvironment();
  const fullKey = environment ? `${key}@${environment.locale}@${environment.timeZone}` : key;
  let made = formatters.get(fullKey);
  if (!made) {
    made = environment
      ? new Intl.DateTimeFormat(environment.locale, {
          ...options,
          // "local" (no zone given) is the zone the page was rendered in; UTC stays UTC.
          timeZone: options.timeZone ?? environment.timeZone,
        })
      : new Intl.DateTimeFormat(undefined, options);
    formatters.set(fullKey, made);
  }
  return made;
}

/** An absolute time, always with its zone ("Nov 26, 2026, 3:16:26 AM UTC"), in the chosen zone. */
export function formatDateTime(iso: string | undefined, zone: TimeZoneSetting = getTimeZone()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(`absolute-${zone}`, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    timeZone: zone === 'utc' ? 'UTC' : undefined,
  }).format(date);
}

/** An absolute time with its zone ("Nov 26, 2026, 3:04:05 AM UTC"), for hover text beside a relative one. */
export function formatDateTimeWithZone(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('medium-long', { dateStyle: 'medium', timeStyle: 'long' }).format(date);
}

/** "3 min ago", "in 2 h". */
export function formatRelative(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = (now - time) / 1000;
  if (Math.abs(seconds) < 5) return 'just now';
  // Past a minute, seconds are noise: "54 min ago", not "54 min 29 s ago".
  const rounded = Math.abs(seconds) >= 60 ? Math.round(seconds / 60) * 60 : seconds;
  return rounded > 0 ? `${formatSeconds(rounded)} ago` : `in ${formatSeconds(-rounded)}`;
}

/** int64 strings of thousandths per second → "1.25 DCU-hours" and the like. */
export function formatMilliSeconds(value: string | undefined, unit: string): string {
  if (value === undefined) return '';
  const hours = Number(value) / 1000 / 3600;
  return `${numberFormat(renderEnvironment()?.locale, { maximumFractionDigits: 3 }).format(hours)} ${unit}`;
}

export function formatGbSeconds(value: string | undefined): string {
  if (value === undefined) return '';
  return `${numberFormat(renderEnvironment()?.locale, { maximumFractionDigits: 3 }).format(Number(value) / 3600)} GB-hours`;
}
