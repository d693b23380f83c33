/**
 * Calls one task per region with at most `concurrency` under way, and answers each region's result
 * or error: one region failing never fails the whole. A 429 (quota: 7,500 reads a minute per
 * region) is retried after a growing pause; other errors are answered at once.
 */

export type RegionResult<T> =
  | { region: string; ok: true; value: T; attempts: number }
  | { region: string; ok: false; error: unknown; message: string; attempts: number };

export interface FanOutOptions {
  /** Regions asked at once (default 6). */
  concurrency?: number;
  /** Tries per region when rate limited, the first included (default 4). */
  maxAttempts?: number;
  /** The first pause after a 429; each next one doubles (default 1 s), up to `maxDelayMs` (default 60 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Waits; replaceable so tests need not. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The HTTP status of an error, from the console's ApiError (`httpStatus`) or a `status` field. */
function httpStatusOf(error: unknown): number | undefined {
  if (error && typeof error === 'object') {
    const record = error as { httpStatus?: unknown; status?: unknown };
    if (typeof record.httpStatus === 'number') return record.httpStatus;
    if (typeof record.status === 'number') return record.status;
  }
  return undefined;
}

export function isRateLimited(error: unknown): boolean {
  return httpStatusOf(error) === 429;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function fanOutRegions<T>(
  regions: readonly string[],
  task: (region: string, signal?: AbortSignal) => Promise<T>,
  {
    concurrency = 6,
    maxAttempts = 4,
    baseDelayMs = 1000,
    maxDelayMs = 60_000,
    signal,
    sleep = defaultSleep,
  }: FanOutOptions = {},
): Promise<RegionResult<T>[]> {
  const results: RegionResult<T>[] = new Array<RegionResult<T>>(regions.length);
  let next = 0;
  const one = async (region: string): Promise<RegionResult<T>> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return { region, ok: true, value: await task(region, signal), attempts: attempt };
      } catch (error) {
        if (!isRateLimited(error) || attempt >= maxAttempts || signal?.aborted)
          return { region, ok: false, error, message: messageOf(error), attempts: attempt };
        try {
          await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)), signal);
        } catch {
          return { region, ok: false, error, message: messageOf(error), attempts: attempt };
        }
      }
    }
  };
  const worker = async () => {
    while (next < regions.length) {
      const index = next++;
      results[index] = await one(regions[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, regions.length)) }, worker));
  return results;
}

/**
 * Regions to fan out over (the sessions API has no `locations/-` and no region list): the same list
 * as the header's region picker. A region where Dataproc is not offered answers an error, shown
 * beside the others.
 */
export { KNOWN_REGIONS as GOOGLE_CLOUD_REGIONS } from '../../../schemas/regions';
