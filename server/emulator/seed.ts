import type { Session, SessionTemplate } from '../../src/schemas/wire';
import type { Clock } from './clock';
import type { Sessions } from './sessions';
import type { Templates } from './templates';
import type { WorkloadRuns } from './spark/workload-runs';
import { parentName, parentOf, sessionName, templateName } from '../../src/schemas/names';

export const DEMO_PROJECT = 'demo-project';
export const DEMO_REGIONS = ['us-central1', 'europe-west1'] as const;

interface Plan {
  id: string;
  region: (typeof DEMO_REGIONS)[number];
  /** Minutes before now that the session was created. */
  createdAgo: number;
  /** Minutes after creation that the user terminated it. */
  terminateAfter?: number;
  fail?: string;
  /** Minutes after creation that its notebook went quiet (no Spark job after its current cycle). */
  quietAfter?: number;
  session: Session;
}

const MIN = 60_000;
const us = (id: string) => templateName(parentName({ project: DEMO_PROJECT, location: 'us-central1' }), id);
const python = { jupyterSession: { kernel: 'PYTHON' as const, displayName: 'Python 3 on Serverless Spark' } };
const scala = { jupyterSession: { kernel: 'SCALA' as const, displayName: 'Scala on Serverless Spark' } };

const TEMPLATES: SessionTemplate[] = [
  {
    name: us('data-eng-standard'),
    description: 'Standard interactive Python session for the data engineering team.',
    labels: { team: 'data-eng', 'cost-center': 'cc-1042' },
    ...python,
    runtimeConfig: {
      version: '2.3',
      properties: { 'spark.executor.cores': '4', 'spark.dynamicAllocation.maxExecutors': '20' },
    },
    environmentConfig: {
      executionConfig: {
        idleTtl: '7200s',
        subnetworkUri: 'projects/demo-project/regions/us-central1/subnetworks/dataproc',
      },
    },
  },
  {
    name: us('ml-gpu-exploration'),
    description: 'Spark Connect session for ML feature exploration.',
    labels: { team: 'ml' },
    sparkConnectSession: {},
    runtimeConfig: {
      version: '3.0',
      properties: { 'spark.dataproc.driver.compute.tier': 'premium' },
      autotuningConfig: { scenarios: ['AUTO'] },
    },
    environmentConfig: { executionConfig: { ttl: '28800s', networkTags: ['ml-egress'] } },
  },
  {
    name: templateName(parentName({ project: DEMO_PROJECT, location: 'europe-west1' }), 'eu-analytics'),
    description: 'EU analytics, data stays in region.',
    labels: { team: 'analytics', residency: 'eu' },
    ...python,
    runtimeConfig: { version: '2.2' },
    environmentConfig: { executionConfig: { stagingBucket: 'demo-eu-staging', idleTtl: '1800s' } },
  },
];

const PLANS: Plan[] = [
  {
    id: 'etl-nightly-2411',
    region: 'us-central1',
    createdAgo: 100,
    session: {
      ...python,
      sessionTemplate: us('data-eng-standard'),
      labels: { env: 'prod', pipeline: 'nightly-etl' },
    },
  },
  {
    id: 'ml-feature-explore',
    region: 'us-central1',
    createdAgo: 40,
    session: { sessionTemplate: us('ml-gpu-exploration'), labels: { env: 'dev', owner: 'priya' } },
  },
  {
    id: 'scala-udf-debug',
    region: 'us-central1',
    createdAgo: 45,
    session: {
      ...scala,
      labels: { team: 'platform', env: 'dev' },
      runtimeConfig: { version: '2.2', properties: { 'spark.sql.shuffle.partitions': '64' } },
    },
  },
  {
    id: 'bi-spark-connect',
    region: 'us-central1',
    createdAgo: 20,
    session: { sparkConnectSession: {}, labels: { team: 'bi', env: 'prod' }, user: 'ana@example.com' },
  },
  {
    id: 'adhoc-analysis-01',
    region: 'us-central1',
    createdAgo: 2900,
    terminateAfter: 185,
    session: { ...python, labels: { team: 'analytics', env: 'dev' } },
  },
  {
    id: 'adhoc-analysis-02',
    region: 'us-central1',
    createdAgo: 2500,
    session: {
      ...python,
      labels: { team: 'analytics' },
      environmentConfig: { executionConfig: { idleTtl: '900s' } },
    },
  },
  {
    id: 'weekly-report-w47',
    region: 'us-central1',
    createdAgo: 1600,
    session: {
      ...python,
      labels: { team: 'finance', env: 'prod' },
      environmentConfig: { executionConfig: { ttl: '3600s', idleTtl: '7200s' } },
    },
  },
  {
    id: 'legacy-runtime-test',
    region: 'us-central1',
    createdAgo: 1400,
    session: { ...python, labels: { team: 'platform' }, runtimeConfig: { version: '1.1' } },
  },
  {
    id: 'quota-check',
    region: 'us-central1',
    createdAgo: 900,
    fail: "Insufficient 'CPUS' quota. Requested 24.0, available 8.0 in region us-central1.",
    session: { ...scala, labels: { team: 'ml', env: 'dev' } },
  },
  {
    id: 'pipeline-backfill',
    region: 'us-central1',
    createdAgo: 700,
    terminateAfter: 240,
    session: {
      ...python,
      sessionTemplate: us('data-eng-standard'),
      labels: { env: 'prod', pipeline: 'backfill' },
    },
  },
  {
    id: 'notebook-sandbox',
    region: 'us-central1',
    createdAgo: 600,
    terminateAfter: 30,
    session: { ...python, labels: { owner: 'sam', env: 'dev' } },
  },
  {
    id: 'graph-analytics',
    region: 'us-central1',
    createdAgo: 400,
    terminateAfter: 95,
    session: { sparkConnectSession: {}, labels: { team: 'analytics', env: 'staging' } },
  },
  {
    id: 'cmek-secure-session',
    // Idle for about an hour by now: what the idle page finds on the demo data.
    quietAfter: 20,
    region: 'us-central1',
    createdAgo: 90,
    session: {
      ...python,
      labels: { env: 'prod', compliance: 'pci' },
      environmentConfig: {
        executionConfig: {
          kmsKey: 'projects/demo-project/locations/us-central1/keyRings/dataproc/cryptoKeys/sessions',
          serviceAccount: 'spark-runner@demo-project.iam.gserviceaccount.com',
          idleTtl: '14400s',
        },
        peripheralsConfig: {
          metastoreService: 'projects/demo-project/locations/us-central1/services/lakehouse',
        },
      },
    },
  },
  {
    id: 'streaming-prototype',
    region: 'us-central1',
    createdAgo: 0,
    session: { ...python, labels: { team: 'data-eng', env: 'dev' } },
  },
  {
    id: 'cleanup-old-tables',
    region: 'us-central1',
    createdAgo: 60,
    terminateAfter: 60,
    session: { ...python, labels: { team: 'platform', env: 'prod' } },
  },
  {
    id: 'eu-churn-model',
    region: 'europe-west1',
    createdAgo: 20,
    session: {
      sessionTemplate: templateName(
        parentName({ project: DEMO_PROJECT, location: 'europe-west1' }),
        'eu-analytics',
      ),
      labels: { env: 'prod' },
    },
  },
  {
    id: 'eu-gdpr-audit',
    region: 'europe-west1',
    createdAgo: 3000,
    terminateAfter: 60,
    session: { ...python, labels: { team: 'legal', residency: 'eu' } },
  },
  {
    id: 'eu-exploration',
    region: 'europe-west1',
    createdAgo: 50,
    session: { ...scala, labels: { team: 'analytics', residency: 'eu' } },
  },
  {
    id: 'eu-bad-network',
    region: 'europe-west1',
    createdAgo: 800,
    fail: 'Subnetwork projects/demo-project/regions/europe-west1/subnetworks/default does not have Private Google Access enabled.',
    session: { ...python, labels: { team: 'analytics' } },
  },
  {
    id: 'eu-spark-connect',
    region: 'europe-west1',
    createdAgo: 1200,
    terminateAfter: 300,
    session: { sparkConnectSession: {}, labels: { team: 'bi', residency: 'eu' } },
  },
];

/**
 * Demo data made through the emulator's own code paths, replayed on a clock wound back to the
 * past: every history is one the state machine really produced. Sessions created moments before
 * "now" are still CREATING or TERMINATING, so a first visit sees states change.
 */
export function seedDemoData(
  sessions: Sessions,
  templates: Templates,
  clock: Clock,
  runs: WorkloadRuns,
): void {
  const realNow = clock.now();
  const offset = clock.offset;
  const events: { at: number; run: () => void }[] = [];
  for (const plan of PLANS) {
    const parent = parentName({ project: DEMO_PROJECT, location: plan.region });
    const createdAt = realNow - plan.createdAgo * MIN;
    events.push({
      at: createdAt,
      run: () => {
        sessions.create({ parent, sessionId: plan.id, requestId: undefined, session: plan.session });
        if (plan.fail) sessions.injectStartupFailure(sessionName(parent, plan.id), plan.fail);
      },
    });
    if (plan.quietAfter !== undefined)
      events.push({
        at: createdAt + plan.quietAfter * MIN,
        run: () => runs.add(sessions.get(sessionName(parent, plan.id)).uuid!, 'quiet', clock.now()),
      });
    if (plan.terminateAfter !== undefined)
      events.push({
        at: createdAt + plan.terminateAfter * MIN,
        run: () => sessions.terminate(sessionName(parent, plan.id), undefined),
      });
  }
  events.sort((a, b) => a.at - b.at);
  const templatesAt = (events[0]?.at ?? realNow) - 60 * MIN;
  clock.advance(templatesAt - clock.now());
  for (const template of TEMPLATES) templates.create(parentOf(template.name!), template);
  for (const event of events) {
    clock.advance(event.at - clock.now());
    sessions.advance(clock.now());
    event.run();
  }
  clock.offset = offset;
  sessions.advance(clock.now());
}
