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
