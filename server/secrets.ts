import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret someone gave equals the expected one, in time that says nothing about either:
 * both are hashed first, so the comparison is always of 32 bytes.
 */
export function sameSecret(given: string, expected: string): boolean {
  const hash = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(hash(given), hash(expected));
}
