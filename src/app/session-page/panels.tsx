import { ConnectPanel } from '../../features/sessions/components/connect-panel';
import { SessionLinksPanel } from '../../features/sessions/components/session-links-panel';
import { SessionFields } from '../../features/sessions/components/session-fields';
import { LabelsPanel, StateHistoryPanel } from '../../features/sessions/components/session-page-parts';
import { SparkActivity } from '../../features/spark/components/spark-activity';
import type { OverviewPanel } from './slots';

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
  { id: 'links', column: 'side', Panel: SessionLinksPanel },
  { id: 'fields', column: 'side', Panel: SessionFields },
];
