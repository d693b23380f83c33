/**
 * The session list's cost column and totals on a 1,000-row page (the API's largest page): the
 * emulator serves 1,000 sessions (most ACTIVE with live usage, a quarter terminated with their
 * final usage, some still CREATING), the page is read as the console reads it, and the column's
 * cells (one costOf a row, as CostSoFarCell computes it) and the totals (listTotals) are timed.
 */
import { Emulator } from '../server/emulator/emulator';
import { listen } from '../server/testing/test-server';
import { costOf, listTotals } from '../src/features/costs/list-totals';
import { sessionCost } from '../src/lib/cost';
import { placeOf } from '../src/schemas/names';
import { DEFAULT_PRICE_TABLE, resolvePrices } from '../src/schemas/prices';
import type { Session } from '../src/schemas/wire';

const PARENT = 'projects/cost-bench/locations/us-central1';
const ROWS = 1000;
const RUNS = 30;

export async function listCostFigures() {
  const emulator = new Emulator({ db: ':memory:', transitionMs: 1000, seed: false });
  emulator.db.transaction(() => {
    for (let i = 0; i < ROWS; i++)
      emulator.sessions.create({
        parent: PARENT,
        sessionId: `cost-${i}`,
        requestId: undefined,
        session: {
          labels: { team: `t${i % 7}` },
          ...(i % 5 === 0
            ? { runtimeConfig: { properties: { 'spark.dynamicAllocation.maxExecutors': '8' } } }
            : {}),
        },
      });
  })();
  // Active for a while (usage accumulates), then a quarter terminated: their usage is final.
  emulator.clock.advance(2000);
  emulator.sessions.advance(emulator.clock.now());
  emulator.clock.advance(30 * 60_000);
  emulator.sessions.advance(emulator.clock.now());
  for (let i = 0; i < ROWS; i += 4) emulator.sessions.terminate(`${PARENT}/sessions/cost-${i}`, undefined);
  emulator.clock.advance(2000);
  emulator.sessions.advance(emulator.clock.now());
  const server = await listen(emulator);
  try {
    const response = await fetch(`${server.url}/v1/${PARENT}/sessions?pageSize=${ROWS}`);
    const sessions = ((await response.json()) as { sessions: Session[] }).sessions;
    const now = Date.parse(sessions[0]!.runtimeInfo?.currentUsage?.snapshotTime ?? '') || Date.now();
    const column: number[] = [];
    const totals: number[] = [];
    const uncached: number[] = [];
    let checksum = 0;
    for (let run = 0; run < RUNS; run++) {
      // The column as it was before prices were resolved once per region (interleaved, so the
      // machine's load falls on both alike): the ratio is the figure to read.
      const u0 = performance.now();
      for (const session of sessions)
        checksum += sessionCost(
          session,
          resolvePrices(DEFAULT_PRICE_TABLE, placeOf(session.name ?? '')?.location ?? 'us-central1'),
          now,
        ).soFar.amount;
      uncached.push(performance.now() - u0);
      const t0 = performance.now();
      for (const session of sessions) checksum += costOf(session, DEFAULT_PRICE_TABLE, now).soFar.amount;
      const t1 = performance.now();
      checksum += listTotals(sessions, DEFAULT_PRICE_TABLE, now).soFar;
      const t2 = performance.now();
      column.push(t1 - t0);
      totals.push(t2 - t1);
    }
    const states = new Map<string, number>();
    for (const s of sessions) states.set(s.state ?? '?', (states.get(s.state ?? '?') ?? 0) + 1);
    const at = (values: number[], p: number) =>
      [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
    const both = column.map((c, i) => c + totals[i]!);
    console.log(
      `list cost column, ${sessions.length} rows (${[...states].map(([s, n]) => `${n} ${s}`).join(', ')}), ${RUNS} runs in Node: ` +
        `column (costOf per row) median ${at(column, 0.5).toFixed(2)} ms, p95 ${at(column, 0.95).toFixed(2)} ms; ` +
        `totals (listTotals) median ${at(totals, 0.5).toFixed(2)} ms, p95 ${at(totals, 0.95).toFixed(2)} ms; ` +
        `both median ${at(both, 0.5).toFixed(2)} ms (${((at(both, 0.5) / sessions.length) * 1000).toFixed(1)} µs a row), ` +
        `first run ${both[0]!.toFixed(2)} ms (cold); ` +
        `the column resolving prices per row (before) median ${at(uncached, 0.5).toFixed(2)} ms, ` +
        `${(at(uncached, 0.5) / at(column, 0.5)).toFixed(2)}× the column now [checksum ${checksum.toFixed(0)}]`,
    );
  } finally {
    await server.close();
    emulator.close();
  }
}
