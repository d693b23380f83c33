import type { PriceTable, TierPrices } from './prices';

/**
 * The prices that apply in a region, from a price table already read (src/schemas/prices.ts holds
 * the table's schema, which the server and the price request use, and re-exports this module).
 */

/** Accelerator keys follow the API's usage fields (`milliAcceleratorSecondsA10040`, …). */
export const ACCELERATOR_KEYS = ['a100-40', 'a100-80', 'l4'] as const;
export type AcceleratorKey = (typeof ACCELERATOR_KEYS)[number];

/** Where a figure came from: the table's price for that region, or the fallback region's. */
export type PriceBasis = 'regional' | `assumed from ${string}`;

export interface ResolvedPrices {
  region: string;
  currency: string;
  /** The region whose prices these are. */
  priceRegion: string;
  basis: PriceBasis;
  commitment: PriceTable['commitment'];
  discountPercent: number;
  hoursPerMonth: number;
  /** Per DCU-hour, after the commitment column and the discount. */
  dcuHour: { standard: number; premium: number };
  /** Per GB-month, after the discount; `undefined` when the table has no price. */
  shuffleGbMonth: { standard?: number; premium?: number };
  acceleratorHour: Partial<Record<AcceleratorKey, number>>;
  /** Set when the commitment column is missing and the on-demand price was used instead. */
  commitmentFallback?: string;
}

/** The prices that apply in `region`, with the commitment and discount applied. */
export function resolvePrices(table: PriceTable, region: string): ResolvedPrices {
  const own = Object.hasOwn(table.regions, region) ? table.regions[region] : undefined;
  const priceRegion = own ? region : table.fallbackRegion;
  const prices = own ?? table.regions[table.fallbackRegion]!;
  const factor = 1 - table.discountPercent / 100;
  let commitmentFallback: string | undefined;
  const tier = (t: TierPrices) => {
    const chosen = table.commitment === 'onDemand' ? t.onDemand : t[table.commitment];
    if (chosen === undefined) commitmentFallback = `no ${table.commitment} price, on-demand used`;
    return (chosen ?? t.onDemand) * factor;
  };
  const scaled = (value: number | undefined) => (value === undefined ? undefined : value * factor);
  const accelerators: Partial<Record<AcceleratorKey, number>> = {};
  for (const key of ACCELERATOR_KEYS) {
    const value = scaled(prices.acceleratorHour?.[key]);
    if (value !== undefined) accelerators[key] = value;
  }
  return {
    region,
    currency: table.currency,
    priceRegion,
    basis: own ? 'regional' : `assumed from ${priceRegion}`,
    commitment: table.commitment,
    discountPercent: table.discountPercent,
    hoursPerMonth: table.hoursPerMonth,
    dcuHour: { standard: tier(prices.dcuHour.standard), premium: tier(prices.dcuHour.premium) },
    shuffleGbMonth: {
      standard: scaled(prices.shuffleGbMonth?.standard),
      premium: scaled(prices.shuffleGbMonth?.premium),
    },
    acceleratorHour: accelerators,
    ...(commitmentFallback ? { commitmentFallback } : {}),
  };
}
