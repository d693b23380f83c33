import { describe, expect, it } from 'vitest';
import type { Session } from '../../schemas/wire';
import { sessionLinks, sessionLogQuery, sessionLogsUrl } from './session-links';

const base: Session = {
  name: 'projects/my-proj/locations/europe-west1/sessions/etl-"x"',
  createTime: '2026-11-27T05:00:00Z',
  jupyterSession: { kernel: 'PYTHON' },
};

describe('session links out', () => {
  it('queries Cloud Logging for this session resource, encoded into the Logs Explorer URL', () => {
    const url = sessionLogsUrl(base)!;
    expect(url.startsWith('https://console.cloud.google.com/logs/query;query=')).toBe(true);
    expect(new URL(url).searchParams.get('project')).toBe('my-proj');
    const query = decodeURIComponent(/;query=([^;?]*)/.exec(url)![1]!);
    expect(query).toBe(sessionLogQuery(base));
    expect(query).toContain('resource.type="cloud_dataproc_session"');
    expect(query).toContain('resource.labels.session_id="etl-\\"x\\""');
    expect(query).toContain('resource.labels.location="europe-west1"');
    expect(query).toContain('timestamp>="2026-11-27T05:00:00Z"');
    // Nothing from the session ends the path segment or starts the search part early.
    expect(url.split('?')).toHaveLength(2);
    expect(/;query=[^;?]*[\n" ]/.test(url)).toBe(false);
  });

  it('offers the Spark UI and JupyterLab only from http(s) endpoints the service published', () => {
    expect(sessionLinks(base).map((l) => l.id)).toEqual(['logs']);
    const running: Session = {
      ...base,
      runtimeInfo: {
        endpoints: {
          'Spark History Server': 'https://abc-dot-europe-west1.dataproc.googleusercontent.com/sparkhistory/',
          'Jupyter Kernel Gateway': 'javascript:alert(1)',
        },
      },
    };
    const links = sessionLinks(running);
    expect(links.map((l) => l.id)).toEqual(['logs', 'spark-ui']);
    expect(links[1]!.href).toBe('https://abc-dot-europe-west1.dataproc.googleusercontent.com/sparkhistory/');
    const jupyter: Session = {
      ...running,
      runtimeInfo: { endpoints: { 'Jupyter Kernel Gateway': 'https://abc.example/gateway/' } },
    };
    expect(sessionLinks(jupyter).find((l) => l.id === 'jupyterlab')?.href).toBe(
      'https://abc.example/gateway/',
    );
    // A Spark Connect session has no JupyterLab, whatever its endpoints are called.
    const connect: Session = { ...jupyter, jupyterSession: undefined, sparkConnectSession: {} };
    expect(sessionLinks(connect).map((l) => l.id)).toEqual(['logs']);
  });
});
