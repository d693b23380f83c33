import type { AcceleratorKey, PriceBasis, ResolvedPrices } from '../../schemas/prices';
import type { Session } from '../../schemas/wire';
import { int64, money, num, type Tier } from './numbers';

type RuntimeInfo = NonNullable<Session['runtimeInfo']>;
export type UsageMetrics = NonNullable<RuntimeInfo['approximateUsage']>;
export type UsageSnapshot = NonNullable<RuntimeInfo['currentUsage']>;

/** Billing minimums (pricing page): 1 minute; premium shuffle storage and accelerators 5 minutes. */
export const MINIMUM_SECONDS = {
  dcu: 60,
  shuffleStandard: 60,
  shufflePremium: 300,
  accelerator: 300,
} as const;

export interface CostPart {
  kind: 'dcu' | 'shuffle' | 'accelerator';
  tier?: Tier;
  accelerator?: AcceleratorKey | string;
  /** Billed quantity, minimum included, in `unit`s. */
  quantity: number;
  unit: 'DCU-hour' | 'GB-month' | 'accelerator-hour';
  /** `undefined` when the price table has no price for it: the part then adds nothing. */
  unitPrice: number | undefined;
  amount: number;
  /** Set when a billing minimum raised the quantity. */
  minimumApplied?: string;
  computedFrom: string;
}

export interface CostFigure {
  amount: number;
  currency: string;
  basis: PriceBasis;
  parts: CostPart[];
  /** Parts with usage but no price: named so the UI can say the total leaves them out. */
  unpriced: string[];
  /** One short line: each figure × its price, tiers, minimums, where the price came from. */
  computedFrom: string;
}

export interface RateFigure {
  /** Money per hour now. */
  perHour: number;
  /** DCU now (premium and standard together). */
  dcu: number;
  currency: string;
  basis: PriceBasis;
  parts: CostPart[];
  unpriced: string[];
  computedFrom: string;
}

const ACCELERATOR_FIELDS: ReadonlyArray<[AcceleratorKey, 'A10040' | 'A10080' | 'L4']> = [
  ['a100-40', 'A10040'],
  ['a100-80', 'A10080'],
  ['l4', 'L4'],
];

/** The table key for the deprecated `acceleratorType` text (`nvidia-a100-80`, `nvidia-l4`, …). */
function acceleratorKeyOf(type: string | undefined): AcceleratorKey | undefined {
  const t = (type ?? '').toLowerCase();
  if (/a100.*80/.test(t)) return 'a100-80';
  if (/a100/.test(t)) return 'a100-40';
  if (/l4/.test(t)) return 'l4';
  return undefined;
}

/**
 * Accelerator figures as [label, table key, milli-value]: the per-type fields (`<prefix>A10040`, …),
 * and the deprecated total (`<prefix>` with `acceleratorType`, runtimes below 3.0) only when the
 * per-type field of its type is absent or zero. The prefix is `milliAccelerator` in a snapshot and
 * `milliAcceleratorSeconds` in the run's metrics.
 */
function acceleratorFigures(
  usage: { readonly [field: string]: string | undefined },
  prefix: 'milliAccelerator' | 'milliAcceleratorSeconds',
): Array<[string, AcceleratorKey | undefined, number]> {
  const perType = ACCELERATOR_FIELDS.map(([, field]) => usage[`${prefix}${field}`]);
  const deprecatedTotal = usage[prefix];
  const deprecatedType = usage.acceleratorType;
  const figures: Array<[string, AcceleratorKey | undefined, number]> = ACCELERATOR_FIELDS.map(([key], i) => [
    key,
    key,
    int64(perType[i]),
  ]);
  if (deprecatedTotal !== undefined) {
    const key = acceleratorKeyOf(deprecatedType);
    const same = figures.find(([, k]) => k === key);
    if (!same || same[2] === 0) figures.push([deprecatedType ?? 'accelerator', key, int64(deprecatedTotal)]);
  }
  return figures;
}

function priceWords(prices: ResolvedPrices, unitPrice: number, unit: string, tier?: Tier): string {
  const notes: string[] = [];
  if (tier) notes.push(tier);
  if (tier && prices.commitment !== 'onDemand') notes.push(prices.commitment);
  if (prices.discountPercent) notes.push(`${prices.discountPercent} % off`);
  return `${num(unitPrice, 6)} ${prices.currency}/${unit}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** A price in words, or "no price" when the table has none for it. */
function priceOrNone(
  prices: ResolvedPrices,
  unitPrice: number | undefined,
  unit: string,
  tier?: Tier,
): string {
  return unitPrice === undefined ? 'no price' : priceWords(prices, unitPrice, unit, tier);
}

/**
 * One part of a cost: quantity × unit price (nothing without a price, and then `unpriced` names it,
 * when there is usage to price); `describe` writes its computedFrom from the amount.
 */
function pricedPart(
  part: Omit<CostPart, 'amount' | 'computedFrom'>,
  unpriced: { list: string[]; label: string },
  describe: (amount: number) => string,
): CostPart {
  if (part.unitPrice === undefined && part.quantity > 0) unpriced.list.push(unpriced.label);
  const amount = part.quantity * (part.unitPrice ?? 0);
  return { ...part, amount, computedFrom: describe(amount) };
}

function summarize(parts: CostPart[], unpriced: string[], prices: ResolvedPrices, total: string): string {
  const lines = parts.filter((p) => p.quantity > 0).map((p) => p.computedFrom);
  if (!lines.length) lines.push('no usage reported');
  const notes = [
    prices.basis === 'regional' ? `${prices.region} prices` : `${prices.region}: price ${prices.basis}`,
    ...(prices.commitmentFallback ? [prices.commitmentFallback] : []),
    ...(unpriced.length ? [`not priced: ${unpriced.join(', ')}`] : []),
  ];
  const sum = lines.length === 1 ? lines[0] : `${lines.join(' + ')} = ${total}`;
  return `${sum} (${notes.join('; ')})`;
}

export interface MetricsOptions {
  /** The tier `milliDcuSeconds` bills at (the field has no tier): interactive sessions are premium. */
  tier?: Tier;
  /** The tier of `shuffleStorageGbSeconds`: standard unless the session used premium shuffle storage. */
  shuffleTier?: Tier;
  /** How long the workload ran, when known: a run shorter than a minimum is billed as the minimum. */
  runSeconds?: number;
}

/**
 * Money for `approximateUsage` (the whole run): milliDCU-seconds / 1000 / 3600 × price per
 * DCU-hour, GB-seconds / 3600 / hours-per-month × price per GB-month, milli-accelerator-seconds /
 * 1000 / 3600 × price per accelerator-hour. With `runSeconds` below a billing minimum, each
 * quantity is scaled up as if the same usage had lasted the minimum.
 */
export function costOfUsageMetrics(
  metrics: UsageMetrics,
  prices: ResolvedPrices,
  { tier = 'premium', shuffleTier = 'standard', runSeconds }: MetricsOptions = {},
): CostFigure {
  const parts: CostPart[] = [];
  const unpriced: string[] = [];
  const minimum = (seconds: number): { factor: number; note?: string } => {
    if (runSeconds === undefined || runSeconds <= 0 || runSeconds >= seconds) return { factor: 1 };
    return {
      factor: seconds / runSeconds,
      note: `${seconds / 60}-minute minimum: ran ${num(runSeconds)} s, billed as ${seconds} s`,
    };
  };

  const milliDcuSeconds = int64(metrics.milliDcuSeconds);
  {
    const min = minimum(MINIMUM_SECONDS.dcu);
    const hours = (milliDcuSeconds / 1000 / 3600) * min.factor;
    const unitPrice = prices.dcuHour[tier];
    parts.push(
      pricedPart(
        {
          kind: 'dcu',
          tier,
          quantity: hours,
          unit: 'DCU-hour',
          unitPrice,
          ...(min.note ? { minimumApplied: min.note } : {}),
        },
        { list: unpriced, label: `${tier} DCU` },
        (amount) =>
          `${num(milliDcuSeconds)} milliDCU-seconds = ${num(hours, 6)} DCU-hours${
            min.note ? ` (${min.note})` : ''
          } × ${priceWords(prices, unitPrice, 'DCU-hour', tier)} = ${money(amount, prices.currency)}`,
      ),
    );
  }

  const gbSeconds = int64(metrics.shuffleStorageGbSeconds);
  {
    const min = minimum(
      shuffleTier === 'premium' ? MINIMUM_SECONDS.shufflePremium : MINIMUM_SECONDS.shuffleStandard,
    );
    const gbMonths = ((gbSeconds / 3600) * min.factor) / prices.hoursPerMonth;
    const unitPrice = prices.shuffleGbMonth[shuffleTier];
    parts.push(
      pricedPart(
        {
          kind: 'shuffle',
          tier: shuffleTier,
          quantity: gbMonths,
          unit: 'GB-month',
          unitPrice,
          ...(min.note ? { minimumApplied: min.note } : {}),
        },
        { list: unpriced, label: `${shuffleTier} shuffle storage` },
        (amount) =>
          `${num(gbSeconds)} GB-seconds / 3600 / ${prices.hoursPerMonth} h = ${num(gbMonths, 6)} GB-months${
            min.note ? ` (${min.note})` : ''
          } × ${priceOrNone(prices, unitPrice, 'GB-month', shuffleTier)} = ${money(amount, prices.currency)}`,
      ),
    );
  }

  for (const [label, key, milliSeconds] of acceleratorFigures(metrics, 'milliAcceleratorSeconds')) {
    if (milliSeconds <= 0) continue;
    const min = minimum(MINIMUM_SECONDS.accelerator);
    const hours = (milliSeconds / 1000 / 3600) * min.factor;
    const unitPrice = key ? prices.acceleratorHour[key] : undefined;
    parts.push(
      pricedPart(
        {
          kind: 'accelerator',
          accelerator: key ?? label,
          quantity: hours,
          unit: 'accelerator-hour',
          unitPrice,
          ...(min.note ? { minimumApplied: min.note } : {}),
        },
        { list: unpriced, label: `${label} accelerators` },
        (amount) =>
          `${num(milliSeconds)} milli-accelerator-seconds (${label}) = ${num(hours, 6)} accelerator-hours × ${priceOrNone(
            prices,
            unitPrice,
            'accelerator-hour',
          )} = ${money(amount, prices.currency)}`,
      ),
    );
  }

  const amount = parts.reduce((sum, p) => sum + p.amount, 0);
  return {
    amount,
    currency: prices.currency,
    basis: prices.basis,
    parts,
    unpriced,
    computedFrom: summarize(parts, unpriced, prices, money(amount, prices.currency)),
  };
}

export interface SnapshotOptions {
  /** The tier when the snapshot carries no premium figure at all: interactive sessions are premium. */
  defaultTier?: Tier;
}

/**
 * Money per hour from `currentUsage`. `milliDcuPremium` is read as the part of `milliDcu` charged
 * at premium (the rest at standard); when the snapshot has no premium figure, all of it bills at
 * `defaultTier`. Shuffle storage likewise with `shuffleStorageGbPremium`, but without a premium
 * figure it is standard: premium shuffle storage is a separate choice, not implied by the tier.
 */
export function rateOfSnapshot(
  snapshot: UsageSnapshot,
  prices: ResolvedPrices,
  { defaultTier = 'premium' }: SnapshotOptions = {},
): RateFigure {
  const parts: CostPart[] = [];
  const unpriced: string[] = [];
  const split = (
    total: number,
    premiumField: string | undefined,
    tierWhenUnsaid: Tier,
  ): Record<Tier, number> =>
    premiumField === undefined
      ? {
          standard: tierWhenUnsaid === 'standard' ? total : 0,
          premium: tierWhenUnsaid === 'premium' ? total : 0,
        }
      : { premium: int64(premiumField), standard: Math.max(0, total - int64(premiumField)) };

  const milliDcu = split(int64(snapshot.milliDcu), snapshot.milliDcuPremium, defaultTier);
  for (const tier of ['premium', 'standard'] as const) {
    const dcu = milliDcu[tier] / 1000;
    if (dcu <= 0) continue;
    const unitPrice = prices.dcuHour[tier];
    parts.push(
      pricedPart(
        { kind: 'dcu', tier, quantity: dcu, unit: 'DCU-hour', unitPrice },
        { list: unpriced, label: `${tier} DCU` },
        (amount) =>
          `${num(dcu, 3)} DCU × ${priceWords(prices, unitPrice, 'DCU-hour', tier)} = ${money(amount, prices.currency)}/h`,
      ),
    );
  }
  const gb = split(int64(snapshot.shuffleStorageGb), snapshot.shuffleStorageGbPremium, 'standard');
  for (const tier of ['premium', 'standard'] as const) {
    if (gb[tier] <= 0) continue;
    const unitPrice = prices.shuffleGbMonth[tier];
    parts.push(
      pricedPart(
        { kind: 'shuffle', tier, quantity: gb[tier] / prices.hoursPerMonth, unit: 'GB-month', unitPrice },
        { list: unpriced, label: `${tier} shuffle storage` },
        (amount) =>
          `${num(gb[tier])} GB × ${priceOrNone(prices, unitPrice, 'GB-month', tier)} / ${
            prices.hoursPerMonth
          } h = ${money(amount, prices.currency)}/h`,
      ),
    );
  }
  for (const [label, key, milli] of acceleratorFigures(snapshot, 'milliAccelerator')) {
    if (milli <= 0) continue;
    const unitPrice = key ? prices.acceleratorHour[key] : undefined;
    parts.push(
      pricedPart(
        {
          kind: 'accelerator',
          accelerator: key ?? label,
          quantity: milli / 1000,
          unit: 'accelerator-hour',
          unitPrice,
        },
        { list: unpriced, label: `${label} accelerators` },
        (amount) =>
          `${num(milli / 1000, 3)} ${label} × ${priceOrNone(prices, unitPrice, 'accelerator-hour')} = ${money(
            amount,
            prices.currency,
          )}/h`,
      ),
    );
  }
  const perHour = parts.reduce((sum, p) => sum + p.amount, 0);
  return {
    perHour,
    dcu: (milliDcu.premium + milliDcu.standard) / 1000,
    currency: prices.currency,
    basis: prices.basis,
    parts,
    unpriced,
    computedFrom: summarize(parts, unpriced, prices, `${money(perHour, prices.currency)}/h`),
  };
}

/** The shuffle tier a session's snapshot shows (premium when it reports premium shuffle storage). */
export function shuffleTierOf(snapshot: UsageSnapshot | undefined): Tier {
  return int64(snapshot?.shuffleStorageGbPremium) > 0 ? 'premium' : 'standard';
}
