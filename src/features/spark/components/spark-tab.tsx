import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type RefObject } from 'react';
import { announce } from '../../../lib/announce';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import type { ApplicationInfo } from '../../../schemas/spark';
import type { Session } from '../../../schemas/wire';
import type { AppRef } from '../api/spark-api';
import { applicationsQuery, jobsSummaryQuery, recentStagesQuery } from '../api/spark-queries';
import { diagnoseStages, groupFindings } from '../diagnosis';
import { formatMs } from '../units';
import { RowLink as CellLink } from '../../../components/data-table';
import { EnvironmentView } from './environment-view';
import { ExecutorsView } from './executors-view';
import { FindingList } from './findings';
import { JobDetail } from './job-detail';
import { JobsView } from './jobs-view';
import { useSparkPlace, type SparkPlace, type SparkView } from './spark-url';
import { SparkClockOffset, clockOffset } from './spark-clock';
import { SqlView } from './sql-view';
import { StageDetail } from './stage-detail';

const VIEWS: [SparkView, string][] = [
  ['jobs', 'Jobs'],
  ['executors', 'Executors'],
  ['sql', 'SQL queries'],
  ['environment', 'Environment'],
];

/** The Spark work inside a session: its application, jobs, stages, executors and SQL, with a diagnosis. */
export function SparkTab({ session }: { session: Session }) {
  const sessionLive = session.state === 'ACTIVE';
  const apps = useQuery(applicationsQuery(session.name!, sessionLive));
  const { place, href } = useSparkPlace(session.name!);
  if (apps.isPending) return <Typography role="status">Loading the Spark application…</Typography>;
  if (apps.isError && !apps.data)
    return <ErrorPanel error={apps.error} what="the Spark application" onRetry={() => void apps.refetch()} />;
  const all = apps.data.sparkApplications ?? [];
  const app = all.find((a) => a.application?.applicationId === place.app) ?? all[0];
  if (!app?.name)
    return (
      <Typography color="text.secondary" data-testid="no-spark-app">
        No Spark application: it starts when the session becomes Active.
      </Typography>
    );
  const attempt = app.application?.attempts?.[0];
  const live = attempt?.completed !== true;
  return (
    <>
      {all.length > 1 && (
        <Box component="nav" aria-label="Spark applications" sx={{ display: 'flex', gap: 2, mb: 2 }}>
          {all.map((a) => {
            const id = a.application?.applicationId ?? '';
            const current = a === app;
            return (
              <CellLink
                key={a.name}
                to={href({ app: id })}
                aria-current={current ? 'page' : undefined}
                style={{ fontWeight: current ? 700 : 400 }}
              >
                {id} ({a.application?.attempts?.[0]?.completed ? 'completed' : 'running'})
              </CellLink>
            );
          })}
        </Box>
      )}
      <SparkClockOffset value={clockOffset(attempt?.lastUpdated, apps.dataUpdatedAt)}>
        <Application
          key={app.name}
          appRef={{ app: app.name, session: session.name! }}
          info={app.application}
          live={live}
        />
      </SparkClockOffset>
    </>
  );
}

function Application({
  appRef,
  info,
  live,
}: {
  appRef: AppRef;
  info: ApplicationInfo | undefined;
  live: boolean;
}) {
  const { place, href } = useSparkPlace(appRef.session);
  const summary = useQuery(jobsSummaryQuery(appRef, live));
  const recent = useQuery(recentStagesQuery(appRef, live));
  const stages = recent.data?.sparkApplicationStages ?? [];
  const findings = diagnoseStages(stages);
  const groups = groupFindings(findings);
  const jobOfStage = new Map(stages.map((s) => [s.stageId, s.jobIds?.[0]]));
  const attempt = info?.attempts?.[0];
  const s = summary.data?.jobsSummary;
  const detailsRef = useRef<HTMLElement>(null);
  useFocusViewHeading(detailsRef, `${place.view}|${place.jobs}|${place.job}|${place.stage}`);
  return (
    // minmax(0, 1fr): a wide table must not widen the column (and the page); it scrolls in its own box.
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }} data-testid="spark-tab">
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="spark-app-title">
        <Typography id="spark-app-title" variant="h6" component="h2">
          Spark application {info?.applicationId}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="spark-app-summary">
          {info?.name} · Spark {attempt?.appSparkVersion} · {live ? 'running' : 'completed'} · started{' '}
          {formatDateTime(attempt?.startTime)} · {formatMs(attempt?.durationMillis)}
          {' · '}
          {info?.coresGranted ?? 0} cores granted
        </Typography>
        {/* A line of its own, there from the first paint, so the counts arriving move nothing. */}
        <Typography variant="body2" color="text.secondary" data-testid="spark-jobs-summary">
          {s
            ? `Jobs: ${s.activeJobs ?? 0} running, ${s.completedJobs ?? 0} succeeded, ${s.failedJobs ?? 0} failed`
            : 'Jobs: counting…'}
        </Typography>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Spark details" ref={detailsRef}>
        <Box
          component="nav"
          aria-label="Spark views"
          sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}
        >
          {VIEWS.map(([view, label]) => {
            const current = place.view === view && !place.job && !place.stage;
            return (
              <CellLink
                key={view}
                to={href({ view })}
                aria-current={current ? 'page' : undefined}
                style={{ fontWeight: current ? 700 : 400 }}
              >
                {label}
              </CellLink>
            );
          })}
          {place.job && (
            // One piece: on a phone it moves to a line of its own rather than wrapping beside Environment.
            <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
              ›{' '}
              <CellLink to={href({ job: place.job })} aria-current={place.stage ? undefined : 'page'}>
                Job {place.job}
              </CellLink>
              {place.stage && ` › Stage ${place.stage}`}
            </Typography>
          )}
        </Box>
        {!place.stage && !place.job && (
          <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
            {viewTitle(place)}
          </Typography>
        )}
        {place.stage ? (
          <StageDetail app={appRef} stageId={place.stage} live={live} />
        ) : place.job ? (
          <JobDetail app={appRef} jobId={place.job} live={live} />
        ) : place.view === 'executors' ? (
          <ExecutorsView app={appRef} live={live} />
        ) : place.view === 'environment' ? (
          <EnvironmentView app={appRef} />
        ) : place.view === 'sql' ? (
          <SqlView app={appRef} live={live} />
        ) : (
          <JobsView app={appRef} live={live} />
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="diagnosis-title">
        <Typography id="diagnosis-title" variant="h6" component="h2" gutterBottom>
          Diagnosis
        </Typography>
        {recent.isError && (
          <ErrorPanel error={recent.error} what="stages" onRetry={() => void recent.refetch()} />
        )}
        {/* One polite summary for the whole diagnosis: the findings below are read on demand, not announced. */}
        <Typography
          variant="body2"
          color={findings.length ? 'text.secondary' : 'text.primary'}
          sx={{ mb: findings.length ? 1 : 0 }}
          role="status"
          aria-live="polite"
          data-testid="diagnosis-summary"
        >
          {recent.isPending
            ? 'Reading the latest stages…'
            : findings.length
              ? `${groups.length} problem${groups.length === 1 ? '' : 's'} (${findings.length} finding${findings.length === 1 ? '' : 's'}) in the latest ${stages.length} stages${groups.length > 8 ? '; the first 8 are shown' : ''}.`
              : `No skew, spill, GC pressure, failed tasks or tiny tasks in the latest ${stages.length} stages.`}
        </Typography>
        {findings.length > 0 && (
          <FindingList
            groups={groups.slice(0, 8)}
            stageHref={(stageId) => {
              const job = jobOfStage.get(stageId);
              return job ? href({ job, stage: stageId }) : undefined;
            }}
          />
        )}
      </Paper>
    </Box>
  );
}

const JOB_FILTER_TITLE = { running: 'Running jobs', failed: 'Failed jobs' } as const;

function viewTitle(place: SparkPlace): string {
  if (place.view === 'jobs') return place.jobs ? JOB_FILTER_TITLE[place.jobs] : 'Jobs';
  return VIEWS.find(([view]) => view === place.view)?.[1] ?? 'Jobs';
}

/**
 * After a navigation inside the Spark tab (not on its first paint), focus goes to the new view's
 * heading and its text is announced politely, as a page load would. A job or stage draws its heading
 * once its data is there, so the heading is awaited (briefly) rather than assumed.
 */
function useFocusViewHeading(container: RefObject<HTMLElement | null>, placeKey: string) {
  const firstPlace = useRef(placeKey);
  useEffect(() => {
    if (firstPlace.current === placeKey) return;
    firstPlace.current = '';
    const root = container.current;
    if (!root) return;
    const focusHeading = () => {
      const heading = root.querySelector<HTMLElement>('h3');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      announce(heading.textContent ?? '');
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [container, placeKey]);
}

export default SparkTab;
