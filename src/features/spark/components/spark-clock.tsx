import { createContext, useContext } from 'react';
import { useNow } from '../../../lib/use-now';

/**
 * The Spark application's own clock. Durations of running jobs, stages and queries are counted from
 * their start (a time written by the server) to "now"; the browser's clock may be behind the
 * server's (the emulator's clock can be moved forward; a laptop's clock drifts), and a running
 * query read "0 ms" for as long as it ran. So "now" is the application's `lastUpdated` (the
 * server's time when it answered) plus the time since that answer arrived (react-query's
 * `dataUpdatedAt`): the offset below. Without an answer yet, the browser's clock.
 */
export const SparkClockOffset = createContext(0);

/** The offset between the server's clock and the browser's, from one answer. */
export function clockOffset(serverTime: string | undefined, receivedAt: number): number {
  const server = Date.parse(serverTime ?? '');
  return Number.isNaN(server) || !receivedAt ? 0 : server - receivedAt;
}

/** The application's "now", re-rendering every second for durations that count up. */
export function useSparkNow(): number {
  return useNow(1000) + useContext(SparkClockOffset);
}
