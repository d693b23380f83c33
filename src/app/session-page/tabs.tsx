import type { QueryClient } from '@tanstack/react-query';
import { SparkTab } from '../../features/spark/components/spark-tab';
import { SPARK_TAB } from '../../features/spark/components/spark-url';
import { prefetchSpark } from '../../features/spark/prefetch';
import type { Session } from '../../schemas/wire';
import { Overview } from './overview';
import type { SessionTab } from './slots';

/**
 * The session page's tabs, in order, each declared once. Add a tab here (one entry): its content
 * comes from a feature. The first is the default (no `tab` in the URL).
 */
export const SESSION_TABS: SessionTab[] = [
  { value: undefined, title: 'Overview', content: Overview },
  {
    value: SPARK_TAB,
    title: 'Spark',
    // Not lazy: a lazy tab behind Suspense costs React's 300 ms reveal throttle on a deep link.
    content: ({ session }) => <SparkTab session={session} />,
    prefetch: prefetchSpark,
  },
];

/** The tabs this session has. */
export const tabsOf = (session: Session) => SESSION_TABS.filter((tab) => tab.appliesTo?.(session) ?? true);

/** The tab a `tab` value opens; the first (Overview) for none or one this session lacks. */
export function tabFor(tabs: SessionTab[], value: string | undefined): SessionTab {
  return tabs.find((tab) => tab.value === value) ?? tabs[0]!;
}

/** The early prefetch's hook: starts the data of the tab a session URL opens (settles when loaded). */
export async function prefetchSessionTab(
  client: QueryClient,
  sessionName: string,
  value: string | undefined,
): Promise<void> {
  await SESSION_TABS.find((tab) => tab.value === value)?.prefetch?.(client, sessionName);
}
