import { useEffect, useSyncExternalStore } from 'react';
import { int64 } from '../../../lib/cost';
import type { Session } from '../../../schemas/wire';
import { addSample, type DcuSample } from './usage-series';

/**
 * DCU samples the console has seen for each session since the page was loaded: the API keeps no
 * history of `currentUsage`, so this is what the chart can show beyond the Spark executors.
 * Kept per session for the page's life (leaving and coming back keeps them), in memory only.
 */
const observed = new Map<string, DcuSample[]>();
const listeners = new Set<() => void>();
const NONE: readonly DcuSample[] = [];

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function record(name: string, sample: DcuSample) {
  const before = observed.get(name) ?? [];
  const after = addSample(before, sample);
  if (after === before) return;
  observed.set(name, after);
  for (const listener of listeners) listener();
}

/** Records the session's `currentUsage` on each refresh and returns the samples so far. */
export function useObservedUsage(session: Session, now: number): readonly DcuSample[] {
  const name = session.name ?? '';
  const usage = session.runtimeInfo?.currentUsage;
  const snapshotAt = usage?.snapshotTime ? Date.parse(usage.snapshotTime) : undefined;
  const at = snapshotAt !== undefined && Number.isFinite(snapshotAt) ? snapshotAt : now;
  const dcu = usage ? int64(usage.milliDcu) / 1000 : undefined;
  useEffect(() => {
    if (dcu !== undefined) record(name, { at, dcu });
    // A new sample when the API's snapshot changes, not on every tick of the page clock.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, dcu, usage?.snapshotTime]);
  // A server render (and the hydration of one) has observed nothing yet.
  return useSyncExternalStore(
    subscribe,
    () => observed.get(name) ?? NONE,
    () => NONE,
  );
}
