import { numberFormat } from '../../../lib/number-format';

/** Money for display: 4 decimals below 10 (a small hourly rate would read as 0.00), else 2. */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) < 10 ? 4 : 2;
  try {
    return numberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    // A currency code Intl does not know still shows, as the table wrote it.
    return `${amount.toFixed(digits)} ${currency}`;
  }
}
