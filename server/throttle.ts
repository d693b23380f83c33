/**
 * Growing delays for a client that keeps presenting wrong credentials (the sign-in form or a
 * Bearer token): a few mistakes are free, then each further one shuts the client out for twice
 * as long as the one before (1 s, 2 s, 4 s … at most 15 minutes). While shut out, every attempt,
 * right or wrong, is answered 429 with Retry-After, so guessing gets no faster by trying harder.
 * A right token resets the count. Clients are told apart by their address.
 */
export const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * 60_000;
/** Clients remembered at most; the least recently failed go first. */
const MAX_CLIENTS = 10_000;

interface Record {
  failures: number;
  blockedUntil: number;
}

export class FailureThrottle {
  private readonly clients = new Map<string, Record>();

  constructor(private readonly now: () => number = Date.now) {}

  /** How long the client must still wait before trying again (0: it may try now). */
  waitMs(client: string): number {
    const record = this.clients.get(client);
    return record ? Math.max(0, record.blockedUntil - this.now()) : 0;
  }

  /** Counts a failure; returns how long the client must now wait (0 while failures are free). */
  failed(client: string): number {
    const record = this.clients.get(client) ?? { failures: 0, blockedUntil: 0 };
    this.clients.delete(client);
    record.failures++;
    const over = record.failures - FREE_FAILURES;
    const delay = over > 0 ? Math.min(MAX_DELAY_MS, 1000 * 2 ** (over - 1)) : 0;
    record.blockedUntil = this.now() + delay;
    this.clients.set(client, record);
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return delay;
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }
}

/** "Try again in 8 s" */
export const retryText = (ms: number) => `${Math.ceil(ms / 1000)} s`;
