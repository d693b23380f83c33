import { createHash } from 'node:crypto';
import { RpcError } from './errors';

/** Our choices, as Google leaves them unstated (README): default 20, at most 1000. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

export function pageSizeFrom(
  raw: string | undefined,
  { defaultSize, maxSize } = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
): number {
  if (raw === undefined || raw === '') return defaultSize;
  // Decimal digits only, as int32 query parameters are read (no 0x10, 1e3 or 1.0).
  const n = /^-?\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n))
    throw new RpcError('INVALID_ARGUMENT', `Invalid value for pageSize: "${raw}" is not an integer.`);
  if (n < 0) throw new RpcError('INVALID_ARGUMENT', `pageSize must not be negative (got ${n}).`);
  return n === 0 ? defaultSize : Math.min(n, maxSize);
}

/**
 * A page token names the last row of the previous page (keyset paging), so rows created or
 * deleted between pages never shift what the next page holds. It also carries a digest of the
 * filter, so a token used with another filter is refused (AIP-158).
 */
export interface PagePosition {
  key: string;
  seq: number;
}

function digest(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 12);
}

export function encodePageToken(position: PagePosition, query: string): string {
  return Buffer.from(JSON.stringify({ k: position.key, s: position.seq, q: digest(query) })).toString(
    'base64url',
  );
}

export function decodePageToken(token: string | undefined, query: string): PagePosition | undefined {
  if (!token) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      k?: unknown;
      s?: unknown;
      q?: unknown;
    };
    if (typeof parsed.k === 'string' && typeof parsed.s === 'number' && typeof parsed.q === 'string') {
      if (parsed.q !== digest(query))
        throw new RpcError(
          'INVALID_ARGUMENT',
          'The page token was issued for a different filter; start again without pageToken.',
        );
      return { key: parsed.k, seq: parsed.s };
    }
  } catch (error) {
    if (error instanceof RpcError) throw error;
  }
  throw new RpcError('INVALID_ARGUMENT', 'Invalid pageToken: it was not issued by this list call.');
}
