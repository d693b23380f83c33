/** Shared small pieces of the cost model: the tier, int64 reading and numbers in explanations. */

/** Serverless for Apache Spark price tiers; interactive sessions bill at premium. */
export type Tier = 'standard' | 'premium';

/** An API int64 (a decimal string) as a number; 0 when absent or unreadable. */
export function int64(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

export { num } from '../../schemas/plain-number';

/** A money amount for an explanation: 4 decimals below 10, 2 above (cents would hide small rates). */
export function money(value: number, currency: string): string {
  return `${value.toFixed(Math.abs(value) < 10 ? 4 : 2)} ${currency}`;
}
