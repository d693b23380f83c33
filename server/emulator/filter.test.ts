import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from './emulator';
import { RpcError } from './errors';
import { LIMITS } from './limits';

/**
 * Every filter gets an answer or a 400 that names a position inside the filter, in bounded time:
 * random text, token soup from the filter grammar, and the adversarial shapes that once gave 500s.
 * Runs the real path (parse, compile, SQLite) over stored sessions with labels.
 */
const PARENT = 'projects/filters/locations/us-central1';
let emulator: Emulator;

beforeAll(() => {
  emulator = new Emulator({ db: ':memory:', transitionMs: 0, seed: false });
  const labelSets: Record<string, string>[] = [{ env: 'prod' }, { env: 'dev', constructor: 'x' }, {}];
  for (const [i, labels] of labelSets.entries())
    emulator.sessions.create({
      parent: PARENT,
      sessionId: `filter-${i}`,
      requestId: undefined,
      session: { labels },
    });
});
afterAll(() => emulator.close());

/** The outcome of one list call: 'ok', or the 1-based position a 400 names. */
function outcome(filter: string): { ok: true } | { ok: false; position: number } {
  const started = performance.now();
  try {
    emulator.sessions.list(PARENT, { filter });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    expect(error.status).toBe('INVALID_ARGUMENT');
    const match = /at position (\d+)/.exec(error.message);
    expect(match, error.message).not.toBeNull();
    return { ok: false, position: Number(match![1]) };
  } finally {
    expect(performance.now() - started).toBeLessThan(1000);
  }
}

function assertAnswered(filter: string) {
  const result = outcome(filter);
  if (!result.ok) {
    expect(result.position).toBeGreaterThanOrEqual(1);
    expect(result.position).toBeLessThanOrEqual(Math.max(filter.length, LIMITS.filterChars) + 1);
  }
}

const pieces = [
  'state',
  'session_id',
  'session_uuid',
  'create_time',
  'labels',
  'labels.env',
  'labels.',
  'labels.a\\',
  'labels.constructor',
  'labels.__proto__',
  'constructor',
  'toString',
  'name',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  ':',
  '!',
  '(',
  ')',
  '-',
  '-(',
  'NOT',
  'not',
  'AND',
  'and',
  'OR',
  'or',
  'ACTIVE',
  'prod',
  '*',
  '"prod"',
  '"',
  "'",
  '\\',
  '\0',
  ' ',
  '  ',
  '"2026-01-01T00:00:00Z"',
  '"x*y?[z]"',
  '🙂',
  '\u2028',
  '"a\\"b"',
];

describe('the filter parser', () => {
  it('answers every random string with rows or a 400 at a position', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), assertAnswered), { numRuns: 2000 });
  });

  it('answers every sequence of grammar tokens with rows or a 400 at a position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }),
        fc.constantFrom('', ' '),
        (parts, separator) => assertAnswered(parts.join(separator)),
      ),
      { numRuns: 3000 },
    );
  });

  it('answers deep nesting, long chains and long text in bounded time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom('(', '-(', 'NOT (', 'NOT ', '-'),
        fc.constantFrom(' OR ', ' AND ', ' '),
        (n, open, join) => {
          const close = open.includes('(') ? ')' : '';
          assertAnswered(`${open.repeat(n)}state = ACTIVE${close.repeat(n)}`);
          assertAnswered(Array.from({ length: n }, () => 'labels.env = prod').join(join));
          assertAnswered(`session_id = "${'*a'.repeat(n)}"`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the six filters that were 500s are 400s with a position, and valid nesting still works', () => {
    for (const filter of [
      'labels.a\\=x',
      'labels.a\0 = x',
      'labels:x\0',
      `${'('.repeat(3000)}state = ACTIVE${')'.repeat(3000)}`,
      `${'-('.repeat(1100)}state = ACTIVE${')'.repeat(1100)}`,
      Array.from({ length: 1001 }, () => 'state = ACTIVE').join(' OR '),
    ])
      expect(outcome(filter).ok, filter.slice(0, 20)).toBe(false);
    const nested = `${'('.repeat(LIMITS.filterDepth)}labels.env = prod${')'.repeat(LIMITS.filterDepth)}`;
    expect(emulator.sessions.list(PARENT, { filter: nested }).sessions).toHaveLength(1);
    const ors = Array.from({ length: LIMITS.filterComparisons }, (_, i) => `session_id = filter-${i}`).join(
      ' OR ',
    );
    expect(emulator.sessions.list(PARENT, { filter: ors }).sessions).toHaveLength(3);
    expect(emulator.sessions.list(PARENT, { filter: 'labels.constructor = x' }).sessions).toHaveLength(1);
  });
});
