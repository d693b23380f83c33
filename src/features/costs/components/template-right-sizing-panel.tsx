import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { TemplateSessionsSlotProps } from '../../../components/template-sessions-slot';
import { useNow } from '../../../lib/use-now';
import { idOf } from '../../../schemas/names';
import { resolvePrices } from '../../../schemas/prices';
import type { Session } from '../../../schemas/wire';
import { sessionExecutorsQuery } from '../api/fleet-api';
import { pricesQuery } from '../api/prices-query';
import { TEMPLATE_RIGHT_SIZING_SESSIONS, rightSizeTemplate, type TemplateSessionMetrics } from '../model';
import { formatMoney } from './money';
import { NoteList, SuggestionList } from './right-sizing-parts';

/** A session that has been ACTIVE has a Spark application, so executors to read. */
const ran = (s: Session) => s.state === 'ACTIVE' || Boolean(s.runtimeInfo?.approximateUsage);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Right-sizing for a template over its newest sessions that ran (at most
 * TEMPLATE_RIGHT_SIZING_SESSIONS): each session's executors are read from the Spark API and judged
 * by the session rules; the panel says which sessions it covers and what it could not read.
 */
export function TemplateRightSizingPanel({ template, place, sessions, scanDone }: TemplateSessionsSlotProps) {
  // Only the 5-minute grace for a new executor reads the time: a minute's tick is enough.
  const now = useNow(60_000);
  // The scan reads newest first: once it has found enough, no later page can hold a newer one.
  const ready = scanDone || sessions.filter(ran).length >= TEMPLATE_RIGHT_SIZING_SESSIONS;
  const recent = ready ? sessions.filter(ran).slice(0, TEMPLATE_RIGHT_SIZING_SESSIONS) : [];
  const reads = useQueries({
    queries: recent.map((s) => ({ ...sessionExecutorsQuery(s.name!), staleTime: 60_000 })),
  });
  const prices = useQuery(pricesQuery);
  const templateProperties = template.runtimeConfig?.properties ?? {};

  let body;
  if (!ready) body = <Typography role="status">Waiting for the sessions using this template…</Typography>;
  else if (!recent.length)
    body = (
      <Typography>
        No session made from this template has run in this region, so there are no executor metrics to judge.
      </Typography>
    );
  else if (prices.error)
    body = <Typography role="alert">Could not read the price table: {prices.error.message}</Typography>;
  else if (!prices.data || reads.some((r) => r.isPending))
    body = (
      <Typography role="status">
        Reading the Spark executors of {plural(recent.length, 'session')}… (
        {reads.filter((r) => !r.isPending).length} read)
      </Typography>
    );
  else {
    const unread: string[] = [];
    const measured: TemplateSessionMetrics[] = [];
    recent.forEach((session, index) => {
      const read = reads[index]!;
      const sessionId = idOf(session.name);
      if (read.error) unread.push(`${sessionId}: could not read its executors: ${read.error.message}`);
      else if (!read.data?.applications) unread.push(`${sessionId}: no Spark application`);
      else
        measured.push({
          sessionId,
          properties: session.runtimeConfig?.properties ?? {},
          executors: read.data.executors,
        });
    });
    const result = rightSizeTemplate({
      templateProperties,
      sessions: measured,
      prices: resolvePrices(prices.data, place.location),
      now,
    });
    const found = sessions.filter(ran).length;
    body = (
      <>
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="template-right-sizing-coverage">
          Judged on {plural(result.sessionsJudged.length, 'session')}
          {result.sessionsJudged.length ? ` (${result.sessionsJudged.join(', ')})` : ''}: the newest{' '}
          {recent.length} of the {found} found using this template that ran
          {found > recent.length ? ` (it reads at most ${TEMPLATE_RIGHT_SIZING_SESSIONS})` : ''}.
        </Typography>
        {result.suggestions.length === 0 ? (
          <Typography>No change suggested for the template from these sessions&apos; metrics.</Typography>
        ) : (
          <SuggestionList
            suggestions={result.suggestions}
            details={(s) => (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label={`${s.property} in each session`}>
                {s.perSession.map(({ sessionId, suggestion }) => (
                  <Typography
                    component="li"
                    variant="body2"
                    key={sessionId}
                    sx={{ overflowWrap: 'anywhere' }}
                  >
                    {sessionId}: {suggestion.newValue},{' '}
                    {formatMoney(suggestion.savedPerHour, suggestion.currency)}
                    /h
                  </Typography>
                ))}
              </Box>
            )}
          />
        )}
        <NoteList title="Not suggested, for want of agreement:" notes={result.heldBack} />
        <NoteList
          title="Left out, for setting their own sizing:"
          notes={result.ownSizing.map((o) => `${o.sessionId}: ${o.properties.join(', ')}`)}
        />
        <NoteList title="Not judged, for want of a metric:" notes={[...unread, ...result.missingMetrics]} />
      </>
    );
  }
  return (
    <Paper variant="outlined" component="section" aria-labelledby="template-right-sizing-title" sx={{ p: 2 }}>
      <Typography id="template-right-sizing-title" variant="h6" component="h2" gutterBottom>
        Right-sizing from recent sessions
      </Typography>
      {body}
    </Paper>
  );
}
