import { describe, expect, it } from 'vitest';

describe('importing a session or template', () => {
  it('reads durations as gcloud writes them and names the unusable ones', async () => {
    const { importSession } = await import('./session-form-model');
    const result = await importSession(
      [
        'environmentConfig:',
        '  executionConfig:',
        '    idleTtl: 45m',
        '    ttl: soon',
        'runtimeConfig:',
        '  version: 3.0',
        '  properties:',
        '    spark.executor.cores: 4',
        '    spark.dynamicAllocation.enabled: true',
        'jupyterSession:',
        '  kernel: RUBY',
      ].join('\n'),
      'typed-id',
    );
    expect(result.error).toBeUndefined();
    expect(result.values?.idleTtl).toEqual({ amount: '45', unit: 'min' });
    expect(result.values?.ttl.amount).toBe('');
    expect(result.values?.version).toBe('3.0');
    expect(result.values?.properties).toEqual([
      { key: 'spark.executor.cores', value: '4' },
      { key: 'spark.dynamicAllocation.enabled', value: 'true' },
    ]);
    expect(result.values?.sessionId).toBe('typed-id');
    expect(result.problems).toEqual([
      'TTL: "soon" is not a duration (such as 3600s, 45m, 1.5h or 2d)',
      'Kernel: "RUBY" is not one of PYTHON, SCALA',
    ]);
  });

  it('converts 1.5h, 90s and 2d in JSON, and takes numbers as text in string maps', async () => {
    const { importSession } = await import('./session-form-model');
    const result = await importSession(
      JSON.stringify({
        labels: { version: 2 },
        environmentConfig: { executionConfig: { ttl: '1.5h', idleTtl: '2d' } },
      }),
      'x-1234',
    );
    expect(result.problems).toEqual([]);
    expect(result.values?.ttl).toEqual({ amount: '90', unit: 'min' });
    expect(result.values?.idleTtl).toEqual({ amount: '2', unit: 'd' });
    expect(result.values?.labels).toEqual([{ key: 'version', value: '2' }]);
    const seconds = await importSession('{"environmentConfig":{"executionConfig":{"ttl":"90s"}}}', 'x-1234');
    expect(seconds.values?.ttl).toEqual({ amount: '1.5', unit: 'min' });
  });

  it('names every value the form cannot hold instead of dropping it', async () => {
    const { importSession } = await import('./session-form-model');
    const result = await importSession(
      JSON.stringify({
        jupyterSession: { kernel: 'SCALA' },
        sparkConnectSession: {},
        labels: { 'goog-dataproc-x': 'y', team: 'a' },
        runtimeConfig: { autotuningConfig: { scenarios: ['AUTO', 'FAST'] }, properties: { a: { b: 1 } } },
        environmentConfig: { executionConfig: { networkUri: 'default', subnetworkUri: 'sub' } },
      }),
      'x-1234',
    );
    expect(result.problems).toEqual([
      'Spark property "a": expected a single value, got a set of fields',
      'Autotuning scenarios: "FAST" is not one of SCALING, BROADCAST_HASH_JOIN, MEMORY, NONE, AUTO',
      'Kernel: "SCALA" belongs to a Jupyter session, but the text also sets Spark Connect, which was kept',
      'Label "goog-dataproc-x": "y" is set by the service, so it is not copied',
      'Subnetwork URI: "sub" was left out: a session has a network or a subnetwork, and the network was kept',
    ]);
  });
});
