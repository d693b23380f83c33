import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { SLOW_POLL_MS } from '../../../lib/session-state';
import type { Place } from '../../../schemas/names';
import { resolvePrices } from '../../../schemas/prices';
import type { Session } from '../../../schemas/wire';
import { sessionExecutorsQuery } from '../api/fleet-api';
import { pricesQuery } from '../api/prices-query';
import { rightSize } from '../model';
import { NoteList, SuggestionList } from './right-sizing-parts';

/**
 * Right-sizing on the session page: from the session's Spark executors (peak JVM heap, task counts)
 * and its properties, each suggestion names the property, the new value, the money per hour it
 * saves and the numbers behind it. A rule whose metric is missing says so and suggests nothing.
 */
export function RightSizingPanel({ session, place, now }: { session: Session; place: Place; now: number }) {
  const name = session.name ?? '';
  const running = session.state === 'ACTIVE';
  const ranOnce = running || Boolean(session.runtimeInfo?.approximateUsage);
  const executors = useQuery({
    ...sessionExecutorsQuery(name),
    enabled: Boolean(name) && ranOnce,
    // Peaks and task counts move while it runs; a few reads a minute are plenty for advice.
    refetchInterval: running ? SLOW_POLL_MS * 3 : false,
  });
  const prices = useQuery(pricesQuery);

  let body;
  if (!ranOnce)
    body = <Typography>The session has not run: there are no executor metrics to judge.</Typography>;
  else if (executors.error || prices.error)
    body = (
      <Typography role="alert">
        Could not read {prices.error ? 'the price table' : 'the Spark executors'}:{' '}
        {(executors.error ?? prices.error)?.message}
      </Typography>
    );
  else if (!executors.data || !prices.data)
    body = <Typography role="status">Reading the Spark executors…</Typography>;
  else if (executors.data.applications === 0)
    body = <Typography>No Spark application yet: there are no executor metrics to judge.</Typography>;
  else {
    const result = rightSize({
      properties: session.runtimeConfig?.properties ?? {},
      executors: executors.data.executors,
      prices: resolvePrices(prices.data, place.location),
      now,
    });
    body = (
      <>
        {result.suggestions.length === 0 ? (
          <Typography>
            No change suggested from the metrics of {executors.data.executors.length} executors (the driver
            included).
          </Typography>
        ) : (
          <SuggestionList suggestions={result.suggestions} />
        )}
        <NoteList title="Not judged, for want of a metric:" notes={result.missingMetrics} />
      </>
    );
  }
  return (
    <Paper variant="outlined" component="section" aria-labelledby="right-sizing-title" sx={{ p: 2 }}>
      <Typography id="right-sizing-title" variant="h6" component="h2" gutterBottom>
        Right-sizing
      </Typography>
      {body}
    </Paper>
  );
}
