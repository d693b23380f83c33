/**
 * The synthetic Spark work the emulator shows inside a session. A workload is a script of jobs at
 * fixed offsets in a cycle; the cycle repeats `cycles` times from the moment the workload starts.
 * Everything else (task durations, which task is slow, which cycle fails) is drawn from a seeded
 * random stream of the session's uuid, so the same session always shows the same history.
 */

export interface PlanNode {
  /** Operator name as Spark prints it: "HashAggregate", "Exchange", "Scan parquet …". */
  name: string;
  /** The operator's arguments, as in `EXPLAIN FORMATTED`. */
  desc: string;
  /** Runs inside whole-stage code generation (Spark prints a `*` before it). */
  codegen?: boolean;
  children?: PlanNode[];
}

export interface StageSpec {
  name: string;
  /** The call site, as Spark's stage details (a short stack). */
  details: string;
  tasks: number;
  /** Median successful task duration. */
  taskMs: number;
  /** Bytes per task; records are derived as bytes / 100. */
  input?: number;
  output?: number;
  shuffleRead?: number;
  shuffleWrite?: number;
  /** The last `tasks` tasks get `factor` × the data and the time: a hot key. */
  skew?: { tasks: number; factor: number };
  /** Bytes spilled from memory per skewed task (per task when there is no skew); disk gets 40 %. */
  spill?: number;
  /** Share of run time spent in garbage collection. */
  gc: number;
  /**
   * A task that throws. Attempt 0 fails; the retry succeeds, unless the cycle is a fatal one
   * (a `fatalChance` share of cycles, spread evenly: see Stream.specOf), where all four attempts
   * (spark.task.maxFailures) fail and so do the stage and the job.
   */
  failure?: { index: number; error: string; fatalChance: number };
}

export interface JobSpec {
  offsetMs: number;
  /** Spark's job name: the action and its call site. */
  name: string;
  /** What the notebook cell asked for (the job group description). */
  description: string;
  sql?: { description: string; plan: PlanNode };
  /** Dynamic allocation adds an executor when the job starts; it is removed after the idle timeout. */
  addsExecutor?: boolean;
  stages: StageSpec[];
}

export interface Workload {
  name: string;
  summary: string;
  cycleMs: number;
  cycles: number;
  jobs: JobSpec[];
}

const MB = 1024 * 1024;
const CALL_SITE = (action: string) =>
  `org.apache.spark.sql.Dataset.${action}(Dataset.scala:4218)\n` +
  'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n' +
  'java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)\n' +
  'py4j.commands.CallCommand.execute(CallCommand.java:79)\n' +
  'py4j.ClientServerConnection.run(ClientServerConnection.java:106)';

export const UDF_ERROR =
  'org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n' +
  '  File "/usr/lib/spark/python/lib/pyspark.zip/pyspark/worker.py", line 1247, in main\n' +
  '    process()\n' +
  '  File "/usr/lib/spark/python/lib/pyspark.zip/pyspark/worker.py", line 1239, in process\n' +
  '    serializer.dump_stream(out_iter, outfile)\n' +
  '  File "<stdin>", line 4, in parse_amount\n' +
  "ValueError: invalid literal for int() with base 10: 'N/A'\n" +
  '\n' +
  '\tat org.apache.spark.api.python.BasePythonRunner$ReaderIterator.handlePythonException(PythonRunner.scala:572)\n' +
  '\tat org.apache.spark.sql.execution.python.PythonUDFRunner$$anon$2.read(PythonUDFRunner.scala:94)\n' +
  '\tat org.apache.spark.sql.execution.python.PythonUDFRunner$$anon$2.read(PythonUDFRunner.scala:75)\n' +
  '\tat org.apache.spark.api.python.BasePythonRunner$ReaderIterator.hasNext(PythonRunner.scala:525)\n' +
  '\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:620)';

const scan = (table: string, columns: string, filter?: string): PlanNode => ({
  name: 'ColumnarToRow',
  desc: '',
  codegen: true,
  children: [
    {
      name: `Scan parquet spark_catalog.${table}`,
      desc: `Output: [${columns}]\nBatched: true\nLocation: InMemoryFileIndex [gs://demo-lake/${table.replace('.', '/')}]${filter ? `\nPushedFilters: [${filter}]` : ''}\nReadSchema: struct<${columns.replace(/#\d+L?/g, '')}>`,
    },
  ],
});

const AGGREGATION: JobSpec = {
  offsetMs: 8_000,
  name: 'showString at NativeMethodAccessorImpl.java:0',
  description: 'Revenue per customer, last day',
  sql: {
    description:
      'SELECT customer_id, sum(amount) AS revenue FROM sales.transactions WHERE ts >= current_date() - 1 GROUP BY customer_id',
    plan: {
      name: 'AdaptiveSparkPlan',
      desc: 'isFinalPlan=true',
      children: [
        {
          name: 'HashAggregate',
          desc: 'Keys [1]: [customer_id#12L]\nFunctions [1]: [sum(amount#13)]',
          codegen: true,
          children: [
            {
              name: 'AQEShuffleRead',
              desc: 'coalesced',
              children: [
                {
                  name: 'Exchange',
                  desc: 'hashpartitioning(customer_id#12L, 200), ENSURE_REQUIREMENTS',
                  children: [
                    {
                      name: 'HashAggregate',
                      desc: 'Keys [1]: [customer_id#12L]\nFunctions [1]: [partial_sum(amount#13)]',
                      codegen: true,
                      children: [
                        {
                          name: 'Filter',
                          desc: '(isnotnull(ts#14) AND (ts#14 >= 2026-11-25 00:00:00))',
                          codegen: true,
                          children: [
                            scan(
                              'sales.transactions',
                              'customer_id#12L, amount#13, ts#14',
                              'IsNotNull(ts), GreaterThanOrEqual(ts,2026-11-25 00:00:00.0)',
                            ),
                          ],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  },
  stages: [
    {
      name: 'showString at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('showString'),
      tasks: 64,
      taskMs: 900,
      input: 128 * MB,
      shuffleWrite: 6 * MB,
      gc: 0.03,
    },
    {
      name: 'showString at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('showString'),
      tasks: 200,
      taskMs: 40,
      shuffleRead: 1.9 * MB,
      gc: 0.01,
    },
  ],
};

const SKEWED_JOIN: JobSpec = {
  offsetMs: 40_000,
  name: 'save at NativeMethodAccessorImpl.java:0',
  description: 'Orders enriched with the customer segment',
  addsExecutor: true,
  sql: {
    description:
      'INSERT OVERWRITE TABLE sales.orders_enriched SELECT o.*, c.segment FROM sales.orders o JOIN sales.customers c ON o.customer_id = c.customer_id',
    plan: {
      name: 'Execute InsertIntoHadoopFsRelationCommand',
      desc: 'gs://demo-lake/sales/orders_enriched, false, Parquet, [path=gs://demo-lake/sales/orders_enriched], Overwrite',
      children: [
        {
          name: 'Project',
          desc: '[order_id#20L, customer_id#21L, amount#22, segment#31]',
          codegen: true,
          children: [
            {
              name: 'SortMergeJoin',
              desc: '[customer_id#21L], [customer_id#30L], Inner',
              codegen: true,
              children: [
                {
                  name: 'Sort',
                  desc: '[customer_id#21L ASC NULLS FIRST], false, 0',
                  codegen: true,
                  children: [
                    {
                      name: 'Exchange',
                      desc: 'hashpartitioning(customer_id#21L, 200), ENSURE_REQUIREMENTS',
                      children: [scan('sales.orders', 'order_id#20L, customer_id#21L, amount#22')],
                    },
                  ],
                },
                {
                  name: 'Sort',
                  desc: '[customer_id#30L ASC NULLS FIRST], false, 0',
                  codegen: true,
                  children: [
                    {
                      name: 'Exchange',
                      desc: 'hashpartitioning(customer_id#30L, 200), ENSURE_REQUIREMENTS',
                      children: [scan('sales.customers', 'customer_id#30L, segment#31')],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  },
  stages: [
    {
      name: 'save at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('save'),
      tasks: 48,
      taskMs: 1200,
      input: 96 * MB,
      shuffleWrite: 40 * MB,
      gc: 0.04,
    },
    {
      name: 'save at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('save'),
      tasks: 8,
      taskMs: 500,
      input: 24 * MB,
      shuffleWrite: 12 * MB,
      gc: 0.02,
    },
    {
      name: 'save at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('save'),
      tasks: 200,
      taskMs: 300,
      shuffleRead: 11 * MB,
      output: 9 * MB,
      skew: { tasks: 2, factor: 45 },
      spill: 1600 * MB,
      gc: 0.16,
    },
  ],
};

const FAILING_UDF: JobSpec = {
  offsetMs: 110_000,
  name: 'count at NativeMethodAccessorImpl.java:0',
  description: 'Count rows with a parseable amount (Python UDF)',
  sql: {
    description: "SELECT count(*) FROM sales.raw_events WHERE parse_amount(payload['amount']) > 0",
    plan: {
      name: 'HashAggregate',
      desc: 'Keys: []\nFunctions [1]: [count(1)]',
      codegen: true,
      children: [
        {
          name: 'Filter',
          desc: '(pythonUDF0#45 > 0)',
          codegen: true,
          children: [
            {
              name: 'BatchEvalPython',
              desc: '[parse_amount(payload#40[amount])#44], [pythonUDF0#45]',
              children: [scan('sales.raw_events', 'payload#40')],
            },
          ],
        },
      ],
    },
  },
  stages: [
    {
      name: 'count at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('count'),
      tasks: 48,
      taskMs: 700,
      input: 64 * MB,
      gc: 0.05,
      failure: { index: 17, error: UDF_ERROR, fatalChance: 0.34 },
    },
  ],
};

const LISTING: JobSpec = {
  offsetMs: 2_000,
  name: 'parquet at NativeMethodAccessorImpl.java:0',
  description: 'Listing leaf files and directories for 24 paths: gs://demo-lake/sales/transactions/…',
  stages: [
    {
      name: 'parquet at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('parquet'),
      tasks: 1,
      taskMs: 600,
      gc: 0,
    },
  ],
};

const WRITE: JobSpec = {
  offsetMs: 140_000,
  name: 'save at NativeMethodAccessorImpl.java:0',
  description: 'Write the revenue table',
  sql: {
    description: 'INSERT OVERWRITE TABLE sales.customer_revenue SELECT * FROM revenue_by_customer',
    plan: {
      name: 'Execute InsertIntoHadoopFsRelationCommand',
      desc: 'gs://demo-lake/sales/customer_revenue, false, Parquet, Overwrite',
      children: [scan('sales.revenue_by_customer', 'customer_id#50L, revenue#51')],
    },
  },
  stages: [
    {
      name: 'save at NativeMethodAccessorImpl.java:0',
      details: CALL_SITE('save'),
      tasks: 16,
      taskMs: 1500,
      input: 32 * MB,
      output: 28 * MB,
      gc: 0.02,
    },
  ],
};

const once = (job: JobSpec): JobSpec => ({ ...job, offsetMs: 500 });
const failingOnce: JobSpec = {
  ...once(FAILING_UDF),
  stages: FAILING_UDF.stages.map((s) => ({ ...s, failure: { ...s.failure!, fatalChance: 1 } })),
};

const BENCH_JOB: JobSpec = {
  offsetMs: 0,
  name: 'collect at NativeMethodAccessorImpl.java:0',
  description: 'Bench: five short stages',
  stages: Array.from({ length: 5 }, () => ({
    name: 'collect at NativeMethodAccessorImpl.java:0',
    details: CALL_SITE('collect'),
    tasks: 4,
    taskMs: 20,
    input: MB,
    gc: 0.01,
  })),
};

/** Named workloads: `notebook` runs in every ACTIVE session; the others through the control API. */
export const WORKLOADS: Record<string, Workload> = {
  notebook: {
    name: 'notebook',
    summary:
      'A notebook at work, every 3 minutes: a file listing, a shuffle-heavy aggregation (200 tiny reduce tasks), a skewed join that spills (and gets an executor from dynamic allocation), a Python UDF whose task fails once (and in about one cycle in three fails the job), a table write.',
    cycleMs: 180_000,
    cycles: Number.POSITIVE_INFINITY,
    jobs: [LISTING, AGGREGATION, SKEWED_JOIN, FAILING_UDF, WRITE],
  },
  etl: {
    name: 'etl',
    summary: 'One cycle of the notebook workload, starting now.',
    cycleMs: 180_000,
    cycles: 1,
    jobs: [LISTING, AGGREGATION, SKEWED_JOIN, FAILING_UDF, WRITE].map((j) => ({
      ...j,
      offsetMs: j.offsetMs - 1_500,
    })),
  },
  aggregation: {
    name: 'aggregation',
    summary: 'The shuffle-heavy aggregation, once.',
    cycleMs: 60_000,
    cycles: 1,
    jobs: [once(AGGREGATION)],
  },
  'skewed-join': {
    name: 'skewed-join',
    summary: 'The skewed, spilling join, once.',
    cycleMs: 120_000,
    cycles: 1,
    jobs: [once(SKEWED_JOIN)],
  },
  'failing-udf': {
    name: 'failing-udf',
    summary: 'The Python UDF job, failing all four attempts of one task, once.',
    cycleMs: 60_000,
    cycles: 1,
    jobs: [failingOnce],
  },
  // Not work but its absence: the notebook stops after the cycle under way, so a session can sit idle
  // (what the console's idle view looks for). Counted in WorkloadRuns.of.
  quiet: {
    name: 'quiet',
    summary: 'Stops the notebook after its current cycle: the session runs no more jobs (an idle session).',
    cycleMs: 1,
    cycles: 0,
    jobs: [],
  },
  bench: {
    name: 'bench',
    summary: '2,000 jobs of five 4-task stages (10,000 stages), one every 100 ms.',
    cycleMs: 100,
    cycles: 2_000,
    jobs: [BENCH_JOB],
  },
};
