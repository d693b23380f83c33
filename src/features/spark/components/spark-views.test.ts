import { describe, expect, it } from 'vitest';
import { clockOffset } from './spark-clock';
import { environmentSections, matching } from './environment-view';
import { flowOrder } from './stage-graph';
import { elapsedMs } from '../units';

describe('the application clock', () => {
  it('is the server time of the answer minus when it arrived, so a running query counts from its start', () => {
    const received = Date.parse('2026-01-01T10:00:00Z');
    // The server (the emulator, moved 2 minutes ahead) answered at 10:02:00 by its clock.
    const offset = clockOffset('2026-01-01T10:02:00Z', received);
    expect(offset).toBe(120_000);
    // Five seconds later in the browser, a query the server started at 10:02:01 has run 4 s, not 0 ms.
    const now = received + 5_000 + offset;
    expect(elapsedMs('2026-01-01T10:02:01Z', undefined, now)).toBe(4_000);
    expect(elapsedMs('2026-01-01T10:02:01Z', undefined, received + 5_000)).toBe(0);
  });
  it('is the browser clock until there is an answer with a time', () => {
    expect(clockOffset(undefined, 1000)).toBe(0);
    expect(clockOffset('not a time', 1000)).toBe(0);
    expect(clockOffset('2026-01-01T10:00:00Z', 0)).toBe(0);
  });
});

describe('the environment', () => {
  const sections = environmentSections({
    runtime: { javaVersion: '17', scalaVersion: '2.13' },
    sparkProperties: { 'spark.b': 'x', 'spark.a': 'Memory <b>4g</b>' },
    resourceProfiles: [
      {
        resourceProfileId: 0,
        executorResources: { cores: { resourceName: 'cores', amount: '4' } },
        taskResources: { cpus: { resourceName: 'cpus', amount: 1 } },
      },
    ],
  });
  const section = (title: string) => sections.find(([t]) => t === title)![1];
  it('lists every section, properties by name, runtime fields that are set, resource profiles flattened', () => {
    expect(sections.map(([t]) => t)).toEqual([
      'Runtime',
      'Spark properties',
      'Resource profiles',
      'Hadoop properties',
      'System properties',
      'Metrics properties',
      'Classpath entries',
    ]);
    expect(section('Runtime').map((p) => p.name)).toEqual(['Java version', 'Scala version']);
    expect(section('Spark properties').map((p) => p.name)).toEqual(['spark.a', 'spark.b']);
    expect(section('Resource profiles')).toEqual([
      { name: 'Profile 0: executor cores', value: '4' },
      { name: 'Profile 0: task cpus', value: '1' },
    ]);
  });
  it('matches a name or a value, case aside; empty search keeps all', () => {
    const spark = section('Spark properties');
    expect(matching(spark, 'SPARK.B').map((p) => p.name)).toEqual(['spark.b']);
    expect(matching(spark, '<B>4G').map((p) => p.name)).toEqual(['spark.a']);
    expect(matching(spark, '  ')).toHaveLength(2);
    expect(matching(spark, 'nothing')).toEqual([]);
  });
});

describe('the stage graph', () => {
  it('orders RDDs as data flows: each after what it reads, ties by ID', () => {
    // 7 and 3 are read by 5 (a join); 9 reads 5; 1 stands alone.
    const order = flowOrder({
      rootCluster: {
        childNodes: [{ nodeId: 9 }, { nodeId: 5 }],
        childClusters: [
          { childNodes: [{ nodeId: 7 }], childClusters: [{ childNodes: [{ nodeId: 3 }, { nodeId: 1 }] }] },
        ],
      },
      edges: [
        { fromId: 7, toId: 5 },
        { fromId: 3, toId: 5 },
        { fromId: 5, toId: 9 },
        // An edge to an RDD outside the stage is not part of the order.
        { fromId: 9, toId: 100 },
      ],
    });
    expect([...order.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual([1, 3, 7, 5, 9]);
  });
  it('keeps every RDD even if the edges loop', () => {
    const order = flowOrder({
      rootCluster: { childNodes: [{ nodeId: 1 }, { nodeId: 2 }] },
      edges: [
        { fromId: 1, toId: 2 },
        { fromId: 2, toId: 1 },
      ],
    });
    expect(order.size).toBe(2);
  });
});
