import { describe, expect, it } from 'vitest';
import {
  configFromWire,
  configToWire,
  durationToTtl,
  emptyConfig,
  formPathFor,
  readableDurationSeconds,
  ttlToDuration,
} from './config-form-model';

describe('shared config form model', () => {
  it('converts TTLs between number-and-unit and durations', () => {
    expect(ttlToDuration({ amount: '1.5', unit: 'h' })).toBe('5400s');
    expect(ttlToDuration({ amount: '10', unit: 'min' })).toBe('600s');
    expect(ttlToDuration({ amount: '', unit: 'h' })).toBeUndefined();
    expect(durationToTtl('1209600s')).toEqual({ amount: '14', unit: 'd' });
    expect(durationToTtl('5400s')).toEqual({ amount: '90', unit: 'min' });
  });
  it('a template-shaped config round-trips, Spark Connect included', () => {
    const body = {
      sparkConnectSession: {},
      labels: { team: 'data' },
      runtimeConfig: { version: '2.3', properties: { 'spark.executor.cores': '4' } },
      environmentConfig: { executionConfig: { ttl: '3600s' } },
    };
    expect(configToWire(configFromWire(body))).toEqual(body);
  });
  it('places a finding by its structured path, on the row of its map key', () => {
    const values = {
      ...emptyConfig(),
      properties: [
        { key: 'a', value: '1' },
        { key: 'has space', value: '2' },
      ],
    };
    expect(
      formPathFor({ path: ['runtimeConfig', 'properties', { key: 'has space' }], part: 'key' }, values),
    ).toBe('properties.1.key');
    expect(formPathFor({ path: ['runtimeConfig', 'properties', { key: 'gone' }] }, values)).toBe(
      'properties.root',
    );
    expect(formPathFor({ path: ['labels'] }, values)).toBe('labels.root');
    expect(formPathFor({ path: ['environmentConfig', 'executionConfig', 'ttl'] }, values)).toBe('ttl.amount');
    expect(formPathFor({ path: ['description'] }, values, { description: 'description' })).toBe(
      'description',
    );
    expect(formPathFor({ path: ['nothing'] }, values)).toBeUndefined();
  });
});

describe('importing a session or template', () => {
  it('reads durations as gcloud writes them and names the unusable ones', async () => {
    const { importSession } = await import('../../features/sessions/form/session-form-model');
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
    const { importSession } = await import('../../features/sessions/form/session-form-model');
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
    const { importSession } = await import('../../features/sessions/form/session-form-model');
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

  it('keeps the template ID typed in the new-template form; an empty one takes the name in the text', async () => {
    const { importTemplate } = await import('../../features/session-templates/form/template-form-model');
    const text = 'name: projects/p/locations/l/sessionTemplates/from-text\nlabels:\n  a: b\n';
    expect((await importTemplate(text, 'typed-here')).values?.templateId).toBe('typed-here');
    expect((await importTemplate(text, '')).values?.templateId).toBe('from-text');
  });
});

describe('readable durations', () => {
  it.each([
    ['45m', 2700],
    ['1.5h', 5400],
    ['90s', 90],
    ['2d', 172800],
    ['1h30m', 5400],
    ['3600s', 3600],
    ['600', 600],
    ['soon', undefined],
    ['-5m', undefined],
  ])('%s → %s seconds', (text, seconds) => {
    expect(readableDurationSeconds(text)).toBe(seconds);
  });
});
