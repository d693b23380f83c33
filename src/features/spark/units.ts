import { numberFormat } from '../../lib/number-format';
/** Numbers as the Spark UI shows them: binary byte units, milliseconds up to hours. */

export function num(value: string | number | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

export function formatBytes(value: string | number | undefined): string {
  let n = num(value);
  if (n < 1024) return `${n} B`;
  for (const unit of ['KiB', 'MiB', 'GiB', 'TiB']) {
    n /= 1024;
    if (n < 1024 || unit === 'TiB') return `${n.toFixed(n < 10 ? 1 : 0)} ${unit}`;
  }
  return `${n} B`;
}

export function formatMs(value: string | number | undefined): string {
  const ms = num(value);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function formatCount(value: string | number | undefined): string {
  return numberFormat('en-US').format(num(value));
}

/** Milliseconds between two RFC 3339 times; to `now` while the second is missing. */
export function elapsedMs(from: string | undefined, to: string | undefined, now: number): number | undefined {
  const start = Date.parse(from ?? '');
  if (Number.isNaN(start)) return undefined;
  const end = to ? Date.parse(to) : now;
  return Number.isNaN(end) ? undefined : Math.max(0, end - start);
}
