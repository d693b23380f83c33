/**
 * A number for an explanation: at most `digits` decimals, no trailing zeros, no grouping. Apart
 * from the DCU rules (src/schemas/dcu.ts), which the list's cost column does not need.
 */
export function num(value: number, digits = 0): string {
  const f = 10 ** digits;
  return String(Math.round(value * f) / f);
}
