import { rateOfSnapshot, sessionTimes } from '../../../lib/cost';
import { money, num } from '../../../lib/cost/numbers';
import { resolvePrices, type PriceTable } from '../../../schemas/prices';
import { MIN_TTL_SECONDS } from '../../../schemas/rules';
import type { Session } from '../../../schemas/wire';

export interface IdleCandidate {
  region: string;
  session: Session;
  /**
   * From the Spark jobs API: the latest job's end (ms), `null` when the session never ran a job.
   * Sessions whose jobs were not read are not candidates (nothing is assumed).
   */
  latestJobEnd: number | null;
  /** A job is running now. */
  jobRunning: boolean;
}

export interface IdleSession {
  region: string;
  session: Session;
  neverRanJob: boolean;
  /** Since when nothing ran (the latest job's end, or when the session became ACTIVE). */
  idleSince: number;
  idleSeconds: number;
  ratePerHour: number;
  /** Rate now × idle time. */
  idleCost: number;
  currency: string;
  /** When the idle TTL ends it if nothing runs (counted from `idleSince`), or the TTL if sooner. */
  endsAt: number;
  endsBy: 'idle TTL' | 'TTL';
  /**
   * `endsAt` has passed and the session still runs: the service counts activity its own way
   * (kernel or Spark Connect calls, not only Spark jobs), so it saw activity the jobs API does not show.
   */
  overdue: boolean;
  idleTtlSeconds: number;
  /** A shorter idle TTL for the session's template, when the current one is longer than needed. */
  suggestion?: {
    template?: string;
    idleTtlSeconds: number;
    /** Money each idle stretch would save: rate × (current − suggested idle TTL). */
    savedPerIdleStretch: number;
    text: string;
  };
  computedFrom: string;
}

export interface IdleOptions {
  now: number;
  /** N: idle for at least this many minutes. */
  thresholdMinutes: number;
  prices: PriceTable;
}

/**
 * ACTIVE sessions with no Spark job running whose latest job ended at least N minutes ago, or that
 * never ran one and have been ACTIVE that long. Longest idle first.
 */
export function detectIdle(
  candidates: readonly IdleCandidate[],
  { now, thresholdMinutes, prices }: IdleOptions,
): IdleSession[] {
  const out: IdleSession[] = [];
  const thresholdMs = thresholdMinutes * 60_000;
  for (const { region, session, latestJobEnd, jobRunning } of candidates) {
    if (session.state !== 'ACTIVE' || jobRunning) continue;
    const times = sessionTimes(session);
    if (times.activeSince === undefined) continue;
    const idleSince = Math.max(times.activeSince, latestJobEnd ?? times.activeSince);
    const idleMs = now - idleSince;
    if (idleMs < thresholdMs) continue;
    const regionPrices = resolvePrices(prices, region);
    const snapshot = session.runtimeInfo?.currentUsage;
    const rate = snapshot ? rateOfSnapshot(snapshot, regionPrices) : undefined;
    const ratePerHour = rate?.perHour ?? 0;
    const idleHours = idleMs / 3_600_000;
    const idleCost = ratePerHour * idleHours;
    const ttlEnd = times.activeSince + times.ttlSeconds * 1000;
    const idleEnd = idleSince + times.idleTtlSeconds * 1000;
    const endsBy = idleEnd <= ttlEnd ? 'idle TTL' : 'TTL';
    const currency = prices.currency;
    // The service refuses idle TTLs under 10 minutes; round N up to whole 10 minutes.
    const suggested = Math.max(MIN_TTL_SECONDS, Math.ceil((thresholdMinutes * 60) / 600) * 600);
    const suggestion =
      suggested < times.idleTtlSeconds && rate
        ? {
            ...(session.sessionTemplate ? { template: session.sessionTemplate } : {}),
            idleTtlSeconds: suggested,
            savedPerIdleStretch: (ratePerHour * (times.idleTtlSeconds - suggested)) / 3600,
            text: `idleTtl ${suggested}s instead of ${num(times.idleTtlSeconds)}s${
              session.sessionTemplate ? ` in ${session.sessionTemplate}` : ''
            }: each idle stretch ends ${num((times.idleTtlSeconds - suggested) / 60)} min sooner, saving ${money(
              (ratePerHour * (times.idleTtlSeconds - suggested)) / 3600,
              currency,
            )} at ${money(ratePerHour, currency)}/h`,
          }
        : undefined;
    out.push({
      region,
      session,
      neverRanJob: latestJobEnd === null,
      idleSince,
      idleSeconds: idleMs / 1000,
      ratePerHour,
      idleCost,
      currency,
      endsAt: Math.min(idleEnd, ttlEnd),
      endsBy,
      overdue: Math.min(idleEnd, ttlEnd) < now,
      idleTtlSeconds: times.idleTtlSeconds,
      ...(suggestion ? { suggestion } : {}),
      computedFrom: rate
        ? `${money(ratePerHour, currency)}/h now × ${num(idleHours, 3)} h idle since ${
            latestJobEnd === null ? 'it became ACTIVE (no job ever ran)' : 'the latest job ended'
          } = ${money(idleCost, currency)}; rate: ${rate.computedFrom}`
        : 'no current usage reported: idle cost unknown',
    });
  }
  return out.sort((a, b) => b.idleSeconds - a.idleSeconds);
}
