import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { serverRequest } from '../../../lib/api-client';
import { resolvePrices, type ResolvedPrices } from '../../../schemas/resolve-prices';

/**
 * The price table the server uses (`GET /console/prices`: the one in code or `--prices FILE`).
 * It changes only when the server restarts, so it is read once per page load.
 */
export const pricesQuery = queryOptions({
  queryKey: ['console-prices'],
  // The table's schema (zod) loads alongside the request, not with the page's code.
  queryFn: ({ signal }) =>
    serverRequest('/console/prices', {
      schema: import('../../../schemas/prices').then((m) => m.PriceTable),
      signal,
    }),
  staleTime: Infinity,
  gcTime: Infinity,
});

/** The prices that apply in `region`; undefined while the table loads or when it could not be read. */
export function useRegionPrices(region: string): {
  prices: ResolvedPrices | undefined;
  error: Error | null;
} {
  const { data, error } = useQuery(pricesQuery);
  const prices = useMemo(() => (data ? resolvePrices(data, region) : undefined), [data, region]);
  return { prices, error };
}
