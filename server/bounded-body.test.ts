import { describe, expect, it } from 'vitest';
import { readWithin } from './bounded-body';

/** A stream of `chunks` chunks of `size` bytes that counts what was pulled and whether it was cancelled. */
function countingStream(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('a body read within a limit', () => {
  it('returns the whole body when it fits, and an empty one for no body', async () => {
    const { stream } = countingStream(3, 4);
    expect((await readWithin(stream, 12))?.toString('utf8')).toBe('aaaaaaaaaaaa');
    expect((await readWithin(null, 12))?.length).toBe(0);
  });

  it('stops at the chunk that passes the limit and cancels the rest', async () => {
    const { stream, seen } = countingStream(1000, 1024);
    expect(await readWithin(stream, 4096)).toBeUndefined();
    expect(seen.cancelled).toBe(true);
    // At most one chunk beyond the limit was read (streams may pull one ahead).
    expect(seen.pulled).toBeLessThanOrEqual(6);
  });
});
