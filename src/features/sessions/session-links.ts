import { safeHref } from '../../lib/safe-url';
import { parseName } from '../../schemas/names';
import type { Session } from '../../schemas/wire';

export interface SessionLink {
  id: 'logs' | 'spark-ui' | 'jupyterlab';
  label: string;
  /** What the link opens, in words (the endpoint's own name for endpoints). */
  description: string;
  href: string;
}

/**
 * The Logs Explorer query for one session: its monitored resource (`cloud_dataproc_session`,
 * labelled with the session's ID and region), from its creation on, so an older session that had
 * the same ID is left out.
 */
export function sessionLogQuery(session: Session): string | undefined {
  const name = parseName(session.name);
  if (!name) return undefined;
  const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    `resource.type="cloud_dataproc_session"`,
    `resource.labels.session_id=${quote(name.id)}`,
    `resource.labels.location=${quote(name.location)}`,
    ...(session.createTime ? [`timestamp>=${quote(session.createTime)}`] : []),
  ].join('\n');
}

/** The Logs Explorer URL for a session's logs; every part from the session's own fields, encoded. */
export function sessionLogsUrl(session: Session): string | undefined {
  const name = parseName(session.name);
  const query = sessionLogQuery(session);
  if (!name || !query) return undefined;
  const cursor = session.createTime ? `;cursorTimestamp=${encodeURIComponent(session.createTime)}` : '';
  return (
    `https://console.cloud.google.com/logs/query;query=${encodeURIComponent(query)}${cursor}` +
    `?project=${encodeURIComponent(name.project)}`
  );
}

/** The first published endpoint whose name matches, when its URI is http(s). */
function endpoint(session: Session, pattern: RegExp): [string, string] | undefined {
  for (const [key, uri] of Object.entries(session.runtimeInfo?.endpoints ?? {})) {
    const href = safeHref(uri);
    if (pattern.test(key) && href) return [key, href];
  }
  return undefined;
}

/**
 * Where to look at a session outside this console, only where it applies: its logs (any session
 * with a name), its Spark UI / history server (when the service published one), JupyterLab (a
 * Jupyter session whose endpoints include a Jupyter one). Never a link that is not http(s).
 */
export function sessionLinks(session: Session): SessionLink[] {
  const links: SessionLink[] = [];
  const logs = sessionLogsUrl(session);
  if (logs)
    links.push({
      id: 'logs',
      label: 'Logs in Cloud Logging',
      description: 'Logs Explorer, filtered to this session from its creation',
      href: logs,
    });
  const spark = endpoint(session, /spark.*(history|ui)/i);
  if (spark) links.push({ id: 'spark-ui', label: 'Spark UI', description: spark[0], href: spark[1] });
  const jupyter = session.jupyterSession ? endpoint(session, /jupyter/i) : undefined;
  if (jupyter)
    links.push({ id: 'jupyterlab', label: 'Open in JupyterLab', description: jupyter[0], href: jupyter[1] });
  return links;
}
