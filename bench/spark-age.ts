/**
 * `npm run bench -- spark-age`: Spark reads on a session 13 days old (a 14-day TTL allows it),
 * served by its own process, with the health check's latency measured while each read runs and
 * the server's resident memory afterwards.
 */
import fs from 'node:fs';
import { spawnServer } from '../server/testing/spawn-server';

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return NaN;
  }
}

export async function sparkAgeFigures(days = 13) {
  const server = await spawnServer(['--api-only', '--db', ':memory:', '--transition-ms', '50']);
  try {
    const parent = 'projects/bench/locations/us-central1';
    const name = `${parent}/sessions/spark-old`;
    await post(`${server.url}/v1/${parent}/sessions?sessionId=spark-old`, {
      environmentConfig: { executionConfig: { ttl: '1209600s', idleTtl: '1209600s' } },
    });
    for (let i = 0; i < 100; i++) {
      const s = (await (await fetch(`${server.url}/v1/${name}`)).json()) as { state: string };
      if (s.state === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await post(`${server.url}/control/clock:advance`, { seconds: days * 86_400 });
    const search = (await (await fetch(`${server.url}/v1/${name}/sparkApplications:search`)).json()) as {
      sparkApplications: { name: string }[];
    };
    const app = search.sparkApplications[0]!.name;
    const url = (verb: string, query = '') => `${server.url}/v1/${app}:${verb}?parent=${name}&${query}`;
    const reads: [string, string][] = [
      ['searchJobs', url('searchJobs')],
      ['searchJobs?jobStatus=FAILED', url('searchJobs', 'jobStatus=JOB_EXECUTION_STATUS_FAILED')],
      ['summarizeJobs', url('summarizeJobs')],
      ['searchStages', url('searchStages')],
      ['summarizeStages', url('summarizeStages')],
      ['searchExecutors', url('searchExecutors')],
      ['summarizeExecutors', url('summarizeExecutors')],
      ['searchSqlQueries', url('searchSqlQueries')],
      ['access', url('access')],
    ];
    console.log(`Spark reads on a ${days}-day-old session (own process):`);
    for (const [label, target] of reads) {
      let healthWorst = 0;
      let done = false;
      const probe = (async () => {
        while (!done) {
          const t = performance.now();
          await fetch(`${server.url}/control/health`);
          healthWorst = Math.max(healthWorst, performance.now() - t);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const t0 = performance.now();
      let outcome: string;
      try {
        const response = await fetch(target);
        await response.arrayBuffer();
        outcome = `HTTP ${response.status}`;
      } catch (error) {
        outcome = `failed: ${String(error)}; server said: ${server.output().slice(-300)}`;
      }
      const took = performance.now() - t0;
      done = true;
      await probe.catch(() => undefined);
      console.log(`  ${label}: ${ms(took)} (${outcome}); /control/health worst ${ms(healthWorst)}`);
      if (server.child.exitCode !== null) break;
    }
    console.log(`  server RSS after: ${rssMb(server.child.pid!).toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('spark-age.ts')) await sparkAgeFigures(Number(process.argv[2] ?? 13));
