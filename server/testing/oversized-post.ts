import http from 'node:http';

export interface PostOutcome {
  /** The HTTP status, or 0 when the connection was reset before an answer could be read. */
  status: number;
  text: string;
  /** Milliseconds from the start of the request to the status line. */
  ms: number;
  /** Bytes of body written before the answer came. */
  sent: number;
}

/**
 * POSTs `send` bytes of body, declared by Content-Length (`declared`) or chunked, writing only as
 * fast as the server reads and stopping as soon as the answer arrives. With `end`, the request is
 * ended once all is sent; without, it is left open, so an answer proves the server did not wait
 * for the rest. For the body-limit tests and the bench.
 */
export function oversizedPost(
  url: string,
  { send, declared, end = false }: { send: number; declared?: number; end?: boolean },
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const t0 = performance.now();
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        ...(declared === undefined
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(declared) }),
      },
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const ms = performance.now() - t0;
      let text = '';
      response.on('data', (data: Buffer) => (text += data.toString()));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, text, ms, sent });
      });
    });
    request.on('error', () => {
      if (!answered) resolve({ status: 0, text: '', ms: performance.now() - t0, sent });
    });
    const pump = () => {
      while (!answered && sent < send) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered && end) request.end();
    };
    pump();
  });
}
