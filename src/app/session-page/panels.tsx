import { ConnectPanel } from '../../features/sessions/components/connect-panel';
import { SessionLinksPanel } from '../../features/sessions/components/session-links-panel';
import { SessionFields } from '../../features/sessions/components/session-fields';
import { LabelsPanel, StateHistoryPanel } from '../../features/sessions/components/session-page-parts';
import { SparkActivity } from '../../features/spark/components/spark-activity';
import { useSparkUsageTimeline } from '../../features/spark/usage-timeline';
import { CostPanel } from '../../features/costs/components/cost-panel';
import { RightSizingPanel } from '../../features/costs/components/right-sizing-panel';
import type { OverviewPanel, SessionSlotProps } from './slots';

/** The costs feature's panel, given the Spark feature's executors and jobs (features never import each other). */
function SessionCostPanel({ session, place, now }: SessionSlotProps) {
  return (
    <CostPanel session={session} region={place.location} now={now} spark={useSparkUsageTimeline(session)} />
  );
}

/** The session page's Overview, panel by panel, in order. Add a panel here (one entry). */
export const OVERVIEW_PANELS: OverviewPanel[] = [
  { id: 'connect', column: 'main', Panel: ({ session }) => <ConnectPanel session={session} /> },
  {
    id: 'state-history',
    column: 'main',
    // Spark's jobs while Active are drawn under the state history they belong to.
    Panel: ({ session, now }) => (
      <StateHistoryPanel session={session} now={now}>
        <SparkActivity session={session} />
      </StateHistoryPanel>
    ),
  },
  { id: 'labels', column: 'main', Panel: LabelsPanel },
  { id: 'cost', column: 'side', Panel: SessionCostPanel },
  { id: 'links', column: 'side', Panel: SessionLinksPanel },
  { id: 'fields', column: 'side', Panel: SessionFields },
  { id: 'right-sizing', column: 'side', Panel: RightSizingPanel },
];
