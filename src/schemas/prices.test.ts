import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE, parsePriceTable, resolvePrices } from './prices';

describe('the price table', () => {
  it('ships the pricing page’s us-central1 DCU prices with its source and date', () => {
    expect(parsePriceTable(DEFAULT_PRICE_TABLE)).toEqual({ ok: true, table: DEFAULT_PRICE_TABLE });
    const us = resolvePrices(DEFAULT_PRICE_TABLE, 'us-central1');
    expect(us.dcuHour).toEqual({ standard: 0.06, premium: 0.089 });
    expect(us.basis).toBe('regional');
    expect(DEFAULT_PRICE_TABLE.source.url).toBe('https://cloud.google.com/dataproc-serverless/pricing');
    expect(DEFAULT_PRICE_TABLE.hoursPerMonth).toBe(730);
  });

  it('marks a region it has no price for as assumed from us-central1', () => {
    const tokyo = resolvePrices(DEFAULT_PRICE_TABLE, 'asia-northeast1');
    expect(tokyo.basis).toBe('assumed from us-central1');
    expect(tokyo.priceRegion).toBe('us-central1');
    expect(tokyo.dcuHour.premium).toBe(0.089);
  });

  it('applies the commitment column and a discount', () => {
    const threeYears = resolvePrices({ ...DEFAULT_PRICE_TABLE, commitment: 'commit3y' }, 'us-central1');
    expect(threeYears.dcuHour).toEqual({ standard: 0.048, premium: 0.0712 });
    const discounted = resolvePrices({ ...DEFAULT_PRICE_TABLE, discountPercent: 10 }, 'us-central1');
    expect(discounted.dcuHour.premium).toBeCloseTo(0.0801, 10);
    expect(discounted.shuffleGbMonth.standard).toBeCloseTo(0.036, 10);
  });

  it('uses on-demand and says so when the commitment column is missing', () => {
    const table = parsePriceTable({
      currency: 'EUR',
      source: { url: 'https://example.com/prices', date: '2026-01-01' },
      commitment: 'commit1y',
      regions: { 'europe-west1': { dcuHour: { standard: { onDemand: 0.07 }, premium: { onDemand: 0.1 } } } },
      fallbackRegion: 'europe-west1',
    });
    if (!table.ok) throw new Error(table.message);
    const prices = resolvePrices(table.table, 'europe-west1');
    expect(prices.dcuHour.premium).toBe(0.1);
    expect(prices.commitmentFallback).toMatch(/on-demand used/);
    expect(prices.shuffleGbMonth.standard).toBeUndefined();
    expect(prices.currency).toBe('EUR');
  });

  it('names the field of a bad table', () => {
    const bad = structuredClone(DEFAULT_PRICE_TABLE) as unknown as {
      regions: Record<string, { dcuHour: { premium: { onDemand: unknown } } }>;
    };
    bad.regions['us-central1']!.dcuHour.premium.onDemand = -1;
    expect(parsePriceTable(bad)).toMatchObject({
      ok: false,
      field: 'regions["us-central1"].dcuHour.premium.onDemand',
    });
    expect(parsePriceTable({ ...DEFAULT_PRICE_TABLE, currency: 'dollars' })).toMatchObject({
      ok: false,
      field: 'currency',
    });
    expect(parsePriceTable({ ...DEFAULT_PRICE_TABLE, fallbackRegion: 'europe-west4' })).toMatchObject({
      ok: false,
      field: 'fallbackRegion',
    });
    expect(parsePriceTable([])).toMatchObject({ ok: false });
  });
});
