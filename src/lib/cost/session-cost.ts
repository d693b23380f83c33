import type { ResolvedPrices } from '../../schemas/prices';
import { parseDurationSeconds } from '../../schemas/label-rules';
import type { Session } from '../../schemas/wire';
import { SERVICE_DEFAULTS } from '../../schemas/wire-constants';
import { money, num, type Tier } from './numbers';
import {
  costOfUsageMetrics,
  MINIMUM_SECONDS,
  rateOfSnapshot,
  shuffleTierOf,
  type CostFigure,
  type RateFigure,
} from './usage';

export interface SessionTimes {
  /** When the session became ACTIVE (ms), if it did. */
  activeSince?: number;
  /** When it ended (TERMINATED or FAILED), if it did. */
  endedAt?: number;
  ttlSeconds: number;
  idleTtlSeconds: number;
}

const ENDED = new Set(['TERMINATED', 'FAILED']);

function ms(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

/** When a session became ACTIVE and ended, and its TTLs (the service's defaults when unset). */
export function sessionTimes(session: Session): SessionTimes {
  const history = session.stateHistory ?? [];
  let activeSince: number | undefined;
  for (const entry of history)
    if (entry.state === 'ACTIVE') activeSince = ms(entry.stateStartTime) ?? activeSince;
  if (session.state === 'ACTIVE') activeSince = activeSince ?? ms(session.stateTime);
  const exec = session.environmentConfig?.executionConfig;
  return {
    ...(activeSince !== undefined ? { activeSince } : {}),
    ...(session.state && ENDED.has(session.state) && ms(session.stateTime) !== undefined
      ? { endedAt: ms(session.stateTime)! }
      : {}),
    ttlSeconds: parseDurationSeconds(exec?.ttl ?? SERVICE_DEFAULTS.ttl) ?? 86400,
    idleTtlSeconds: parseDurationSeconds(exec?.idleTtl ?? SERVICE_DEFAULTS.idleTtl) ?? 3600,
  };
}

export interface SessionCost {
  /** What the session has cost until `now` (or its end). */
  soFar: CostFigure & {
    /** `approximateUsage`: the API's total; `currentUsage`: rate now × time active (an estimate); `none`. */
    source: 'approximateUsage' | 'currentUsage' | 'none';
  };
  /** Money per hour now; absent when the session reports no current usage. */
  rate?: RateFigure;
  ended: boolean;
}

/** What a session's figures leave out for want of a price (cost so far and rate now together). */
export function unpricedOf(cost: SessionCost): string[] {
  return [...new Set([...cost.soFar.unpriced, ...(cost.rate?.unpriced ?? [])])];
}

/** Interactive sessions bill at premium; `tier` exists for callers pricing other workloads. */
export function sessionCost(
  session: Session,
  prices: ResolvedPrices,
  now: number,
  tier: Tier = 'premium',
): SessionCost {
  const times = sessionTimes(session);
  const ended = session.state !== undefined && ENDED.has(session.state);
  const snapshot = session.runtimeInfo?.currentUsage;
  const rate = snapshot && !ended ? rateOfSnapshot(snapshot, prices, { defaultTier: tier }) : undefined;
  const end = times.endedAt ?? now;
  const runSeconds =
    times.activeSince !== undefined ? Math.max(0, (end - times.activeSince) / 1000) : undefined;
  const approximate = session.runtimeInfo?.approximateUsage;
  if (approximate) {
    const figure = costOfUsageMetrics(approximate, prices, {
      tier,
      shuffleTier: shuffleTierOf(snapshot),
      ...(runSeconds !== undefined ? { runSeconds } : {}),
    });
    return { soFar: { ...figure, source: 'approximateUsage' }, ...(rate ? { rate } : {}), ended };
  }
  if (rate && runSeconds !== undefined) {
    const billedSeconds = Math.max(runSeconds, MINIMUM_SECONDS.dcu);
    const amount = (rate.perHour * billedSeconds) / 3600;
    return {
      soFar: {
        amount,
        currency: prices.currency,
        basis: prices.basis,
        parts: rate.parts.map((p) => ({
          ...p,
          quantity: (p.quantity * billedSeconds) / 3600,
          amount: (p.amount * billedSeconds) / 3600,
        })),
        unpriced: rate.unpriced,
        computedFrom: `estimate: ${money(rate.perHour, prices.currency)}/h now × ${num(billedSeconds / 3600, 3)} h active${
          billedSeconds > runSeconds ? ' (1-minute minimum)' : ''
        } = ${money(amount, prices.currency)} (no approximateUsage yet; rate: ${rate.computedFrom})`,
        source: 'currentUsage',
      },
      rate,
      ended,
    };
  }
  return {
    soFar: {
      amount: 0,
      currency: prices.currency,
      basis: prices.basis,
      parts: [],
      unpriced: [],
      computedFrom: 'no usage reported by the API',
      source: 'none',
    },
    ...(rate ? { rate } : {}),
    ended,
  };
}

export interface Projection {
  amount: number;
  /** When the session would end (ms). */
  endsAt: number;
  computedFrom: string;
}

export interface SessionProjection {
  /** What it will have cost when its TTL ends it, at the current rate: the most it can cost. */
  byTtl?: Projection;
  /** What it will have cost when the idle TTL ends it, if nothing runs from now on. */
  untilIdleTtl?: Projection;
}

export interface ProjectionInput {
  costSoFar: number;
  ratePerHour: number;
  currency: string;
  now: number;
  times: SessionTimes;
  /** The last activity the console knows of (the latest Spark job's end); default: when it became ACTIVE. */
  lastActivity?: number;
}

/** Cost at the TTL's end and at the idle TTL's end, both at the current rate. Nothing for ended sessions. */
export function projectSessionCost({
  costSoFar,
  ratePerHour,
  currency,
  now,
  times,
  lastActivity,
}: ProjectionInput): SessionProjection {
  if (times.endedAt !== undefined || times.activeSince === undefined) return {};
  const ttlEnd = times.activeSince + times.ttlSeconds * 1000;
  const project = (endsAt: number, why: string): Projection => {
    const hours = Math.max(0, endsAt - now) / 3_600_000;
    const amount = costSoFar + ratePerHour * hours;
    return {
      amount,
      endsAt,
      computedFrom: `${money(costSoFar, currency)} so far + ${money(ratePerHour, currency)}/h now × ${num(hours, 3)} h until ${why} at ${new Date(endsAt).toISOString()} = ${money(amount, currency)}`,
    };
  };
  const idleFrom = lastActivity ?? times.activeSince;
  const idleEnd = Math.max(now, idleFrom + times.idleTtlSeconds * 1000);
  return {
    byTtl: project(ttlEnd, `the TTL (${num(times.ttlSeconds)} s) ends it`),
    untilIdleTtl:
      idleEnd < ttlEnd
        ? project(idleEnd, `the idle TTL (${num(times.idleTtlSeconds)} s after the last activity) ends it`)
        : project(ttlEnd, 'the TTL ends it (before the idle TTL would)'),
  };
}
