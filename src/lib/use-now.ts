import { startTransition, useEffect, useState } from 'react';
import { renderEnvironment } from './render-environment';

/**
 * The current time, re-rendering every `intervalMs`: for durations that tick live. A server render
 * and the hydration of its markup start from the server's clock (so "3 min ago" is the same text on
 * both sides); the browser's own clock takes over right after.
 */
export function useNow(intervalMs = 1000): number {
  const [startedFromServer] = useState(() => renderEnvironment() !== undefined);
  const [now, setNow] = useState(() => renderEnvironment()?.now ?? Date.now());
  useEffect(() => {
    // Deliberately one more render after hydrating: the server's clock (and zone) were only for
    // matching its markup. The page is already painted (the server's markup), so the switch is a
    // transition: a page of rows re-renders in slices, never as one long task.
    if (startedFromServer) startTransition(() => setNow(Date.now()));
  }, [startedFromServer]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
