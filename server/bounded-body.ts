/**
 * A body read while it stays within `limit` bytes: undefined beyond, and the rest is not read (the
 * stream is cancelled), so a sender cannot make the server hold more than it allows. No body is an
 * empty buffer. The sign-in form and the upstream proxy's answers are read through it.
 */
export async function readWithin(body: ReadableStream<Uint8Array> | null | undefined, limit: number) {
  if (!body) return Buffer.concat([]);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
