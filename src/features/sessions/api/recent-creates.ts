/**
 * New sessions noticed within 2 s of their creation, without raising the steady-state traffic:
 * after a create this browser knows of (the create form's success in this tab, or in another tab
 * of the same console, told through a BroadcastChannel), the region's list refreshes every
 * second for 10 s, then goes back to its adaptive schedule (2 s while a session changes state,
 * else 10 s). A tab that is not visible does not poll at all (react-query's default), so the
 * boost costs at most 10 list calls per create, and only where someone is looking.
 */
export const BOOSTED_INTERVAL_MS = 1000;
export const BOOST_FOR_MS = 10_000;
const CHANNEL_NAME = 'dataproc-console.sessions-created';

const boostedUntil = new Map<string, number>();
let channel: BroadcastChannel | undefined;

function createsChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

/** A session was just created in `parent` (projects/P/locations/L). */
export function noteSessionCreated(parent: string, now = Date.now()): void {
  boostedUntil.set(parent, now + BOOST_FOR_MS);
  // Other tabs of this console hear it; this tab's own channel object does not.
  createsChannel()?.postMessage({ parent });
}

/** The short interval while a recent create is being looked for; undefined otherwise. */
export function boostedInterval(parent: string, now = Date.now()): number | undefined {
  const until = boostedUntil.get(parent);
  return until !== undefined && now < until ? BOOSTED_INTERVAL_MS : undefined;
}

/**
 * Calls `onCreated` when another tab of this console created a session in `parent`, after
 * starting the boost here too. Returns the unsubscribe.
 */
export function listenForCreatesElsewhere(parent: string, onCreated: () => void): () => void {
  const created = createsChannel();
  if (!created) return () => undefined;
  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { parent?: unknown } | null;
    if (data?.parent !== parent) return;
    boostedUntil.set(parent, Date.now() + BOOST_FOR_MS);
    onCreated();
  };
  created.addEventListener('message', onMessage);
  return () => created.removeEventListener('message', onMessage);
}
