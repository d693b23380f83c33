import { roleSize } from '../../../src/schemas/dcu';
import type { Session } from '../../../src/schemas/wire';
import { rfc3339 } from '../clock';
import { Simulation, type SessionFacts } from './simulation';
import type { WorkloadRuns } from './workload-runs';

type RuntimeInfo = NonNullable<Session['runtimeInfo']>;
export type UsageFigures = Pick<RuntimeInfo, 'currentUsage' | 'approximateUsage'>;

/** A session's usage between `activeSince` and `at`; `ended`: the session stopped being ACTIVE at `at`. */
export type UsageModel = (session: Session, activeSince: number, at: number, ended: boolean) => UsageFigures;

const GIB = 1024 ** 3;

/**
 * The seed the usage figures draw the workload's job lengths from: one for every session, so that
 * a list of a thousand ACTIVE sessions costs arithmetic on a few dozen cached job runs instead of
 * simulating each session's tasks (about 50 ms a session). The schedule (when jobs start, which
 * add an executor, how long it idles before release) is the session's own; only the random
 * variation of job lengths is the shared profile's, so the executor count can differ briefly from
 * the one the session's Spark executors API shows around a job's end.
 */
const USAGE_PROFILE = 'usage-profile';

/**
 * Usage as the service reports it (README, "Usage figures"): the driver and every executor the
 * synthetic Spark workload has alive count, each sized from the session's own Spark properties by
 * the pricing page's DCU rules (src/schemas/dcu.ts); shuffle storage is the shuffle the workload
 * has written. Interactive sessions bill at premium, so every DCU is also reported as premium.
 * `currentUsage` while ACTIVE; `approximateUsage` accumulates while ACTIVE and is final once the
 * session has ended.
 */
export function sparkUsageModel(runs: WorkloadRuns): UsageModel {
  return (session, activeSince, at, ended) => {
    const properties = session.runtimeConfig?.properties ?? {};
    const facts: SessionFacts = {
      name: session.name ?? '',
      uuid: USAGE_PROFILE,
      activeSince,
      ...(ended ? { end: at } : {}),
      runtimeVersion: session.runtimeConfig?.version ?? '',
      appName: '',
      properties,
    };
    const simulation = new Simulation(facts, runs.of(facts), at);
    const driverDcu = roleSize(properties, 'driver').dcu.dcu;
    const executorDcu = roleSize(properties, 'executor').dcu.dcu;
    const { executorMs, shuffleBytes, shuffleByteMs } = simulation.usageIntegrals();
    const activeMs = Math.max(0, at - activeSince);
    const milliDcuSeconds = Math.round(driverDcu * activeMs + executorDcu * executorMs);
    const figures: UsageFigures = {
      approximateUsage: {
        milliDcuSeconds: String(milliDcuSeconds),
        shuffleStorageGbSeconds: String(Math.round(shuffleByteMs / 1000 / GIB)),
        updateTime: rfc3339(at),
      },
    };
    if (!ended) {
      const alive = simulation.executorsAliveAt(at).length;
      const milliDcu = String(Math.round(1000 * (driverDcu + alive * executorDcu)));
      const shuffleGb = String(Math.round(shuffleBytes / GIB));
      figures.currentUsage = {
        milliDcu,
        milliDcuPremium: milliDcu,
        shuffleStorageGb: shuffleGb,
        snapshotTime: rfc3339(at),
      };
    }
    return figures;
  };
}
