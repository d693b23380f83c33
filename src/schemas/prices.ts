import * as z from 'zod/mini';

// Resolving prices needs no schema: it lives apart so the list route loads no zod for it.
export * from './resolve-prices';

/**
 * The price table the console turns usage figures into money with. One definition for the server
 * (`--prices FILE`, `GET /console/prices`) and the page. Prices are per unit in `currency`:
 * DCU per hour, shuffle storage per GB-month, accelerators per hour.
 */

/** A price: finite and not negative (a discount is `discountPercent`, never a negative price). */
const price = z.number().check(z.minimum(0), z.refine(Number.isFinite, 'a price is a finite number'));

const TierPrices = z.object({
  /** On-demand ("Default") price per DCU-hour. */
  onDemand: price,
  /** BigQuery spend-based commitment prices, where the pricing page lists them. */
  commit1y: z.optional(price),
  commit3y: z.optional(price),
});
export type TierPrices = z.infer<typeof TierPrices>;

const RegionPrices = z.object({
  dcuHour: z.object({ standard: TierPrices, premium: TierPrices }),
  shuffleGbMonth: z.optional(z.object({ standard: z.optional(price), premium: z.optional(price) })),
  acceleratorHour: z.optional(
    z.object({ 'a100-40': z.optional(price), 'a100-80': z.optional(price), l4: z.optional(price) }),
  ),
});
export type RegionPrices = z.infer<typeof RegionPrices>;

const REGION = /^[a-z]+(?:-[a-z]+)+\d+$/;

export const PriceTable = z
  .object({
    /** ISO 4217 code, e.g. USD. */
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as USD')),
    source: z.object({
      url: z.string().check(z.regex(/^https?:\/\/\S+$/, 'an http(s) URL')),
      /** The day the prices were read from the source (YYYY-MM-DD). */
      date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')),
      note: z.optional(z.string().check(z.maxLength(1000))),
    }),
    /** Hours in the month that GB-month prices are divided by (Google's price lists use 730). */
    hoursPerMonth: z.number().check(z.minimum(672), z.maximum(744)),
    /** Which price column applies to this account. */
    commitment: z.enum(['onDemand', 'commit1y', 'commit3y']),
    /** A negotiated discount off every price, 0–100. */
    discountPercent: z.number().check(z.minimum(0), z.maximum(100)),
    /** The region whose prices are used (and marked as assumed) for a region not in `regions`. */
    fallbackRegion: z.string().check(z.regex(REGION, 'a region such as us-central1')),
    regions: z.record(z.string().check(z.regex(REGION, 'a region such as us-central1')), RegionPrices),
  })
  .check(
    z.refine((table) => Object.hasOwn(table.regions, table.fallbackRegion), {
      message: 'fallbackRegion must be one of the regions in the table',
      path: ['fallbackRegion'],
    }),
  );
export type PriceTable = z.infer<typeof PriceTable>;

export const PRICING_PAGE_URL = 'https://cloud.google.com/dataproc-serverless/pricing';

/**
 * The default table: Serverless for Apache Spark pricing page, us-central1, read 2026-11-27.
 * DCU prices (standard 0.060 / 0.054 / 0.048, premium 0.089 / 0.0801 / 0.0712 per DCU-hour, on
 * demand / 1-year / 3-year commitment) are as published. Shuffle storage (0.040 standard, 0.100
 * premium per GB-month) is NOT verified: the stored copies of the pricing page we could check cut off
 * before its shuffle-storage table, so these two figures are as we recorded them, unconfirmed; check
 * them against the page (or your SKUs) and override with --prices. Accelerator prices are left out:
 * we have no verified figure, so accelerator usage is reported as unpriced rather than guessed. Other regions are not listed because we do not know their prices: they fall back
 * to us-central1 and every figure computed for them says "assumed from us-central1".
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  currency: 'USD',
  source: {
    url: PRICING_PAGE_URL,
    date: '2026-11-27',
    note: 'us-central1 list prices. DCU prices as published; shuffle storage (0.040 standard / 0.100 premium per GB-month) unverified. Other regions fall back to us-central1 (marked as assumed). Accelerators not priced.',
  },
  hoursPerMonth: 730,
  commitment: 'onDemand',
  discountPercent: 0,
  fallbackRegion: 'us-central1',
  regions: {
    'us-central1': {
      dcuHour: {
        standard: { onDemand: 0.06, commit1y: 0.054, commit3y: 0.048 },
        premium: { onDemand: 0.089, commit1y: 0.0801, commit3y: 0.0712 },
      },
      shuffleGbMonth: { standard: 0.04, premium: 0.1 },
    },
  },
};

export type PriceTableParse = { ok: true; table: PriceTable } | { ok: false; field: string; message: string };

/** A JSON path for a zod issue path: `regions["us-east1"].dcuHour.premium.onDemand`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(the table)';
}

/**
 * Checks a user's table. Fields a user will rarely care about default to the code's table
 * (`hoursPerMonth` 730, on-demand, no discount, us-central1 as fallback); the first problem is
 * reported with the field it concerns.
 */
export function parsePriceTable(input: unknown): PriceTableParse {
  const withDefaults =
    input && typeof input === 'object' && !Array.isArray(input)
      ? {
          hoursPerMonth: DEFAULT_PRICE_TABLE.hoursPerMonth,
          commitment: DEFAULT_PRICE_TABLE.commitment,
          discountPercent: DEFAULT_PRICE_TABLE.discountPercent,
          fallbackRegion: DEFAULT_PRICE_TABLE.fallbackRegion,
          ...input,
        }
      : input;
  const result = PriceTable.safeParse(withDefaults);
  if (result.success) return { ok: true, table: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, field: fieldPath(issue.path), message: issue.message };
}
