import { useEffect, useLayoutEffect, useState } from 'react';
import { renderEnvironment } from './render-environment';

/**
 * The current time, re-rendering every `intervalMs`: for durations that tick live. A server render
 * and the hydration of its markup start from the server's clock (so "3 min ago" is the same text on
 * both sides); the browser's own clock takes over before the next paint.
 */
export function useNow(intervalMs = 1000): number {
  const [startedFromServer] = useState(() => renderEnvironment() !== undefined);
  const [now, setNow] = useState(() => renderEnvironment()?.now ?? Date.now());
  useLayoutEffect(() => {
    // Deliberately one more render, before the first paint after hydrating: the server's clock was
    // only for matching its markup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (startedFromServer) setNow(Date.now());
  }, [startedFromServer]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
