/** N of the idle view when the URL names none: the service's own default idle TTL is one hour. */
export const DEFAULT_IDLE_MINUTES = 60;
/** N from 1 minute to 7 days (the longest idle TTL a session can have is 14 days; a week is plenty to look back). */
export const MAX_IDLE_MINUTES = 7 * 24 * 60;

/** Why a typed N cannot be used, or undefined. */
export function idleMinutesProblem(text: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return 'Enter a whole number of minutes, for example 60.';
  const n = Number(text.trim());
  if (n < 1) return 'At least 1 minute.';
  if (n > MAX_IDLE_MINUTES) return `At most ${MAX_IDLE_MINUTES} minutes (7 days).`;
  return undefined;
}
