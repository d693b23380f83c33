import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containerImageProblem,
  runtimeVersionProblem,
  templateIdProblem,
  bucketProblem,
  formatFieldPath,
  parseFieldPath,
  sessionRuleViolations,
  labelKeyProblem,
  labelValueProblem,
  labelsViolations,
  normalizeTemplateRef,
  parseDurationSeconds,
  requestIdProblem,
  sessionIdProblem,
  sessionViolations,
  ttlProblem,
  networkProblem,
  propertyValueProblem,
  subnetworkProblem,
} from './rules';

const place = { project: 'p', location: 'us-central1' };

describe('rules added for what the API accepts but the session would not survive', () => {
  it('label keys starting with goog- are reserved', () => {
    expect(labelKeyProblem('goog-dataproc-x')).toMatch(/reserved/);
    expect(labelKeyProblem('googly')).toBeUndefined();
  });
  it('networks and subnetworks by shape, and the subnetwork in the session’s region', () => {
    for (const ok of [
      'default',
      'projects/p/global/networks/vpc-1',
      'https://www.googleapis.com/compute/v1/projects/p/global/networks/vpc-1',
    ])
      expect(networkProblem(ok), ok).toBeUndefined();
    for (const bad of ['projects/p/regions/r/subnetworks/s', 'Bad Name', 'projects/p/global/networks/'])
      expect(networkProblem(bad), bad).toBeDefined();
    expect(subnetworkProblem('sub-1', place)).toBeUndefined();
    expect(subnetworkProblem('projects/p/regions/us-central1/subnetworks/s1', place)).toBeUndefined();
    expect(
      subnetworkProblem(
        'https://www.googleapis.com/compute/v1/projects/p/regions/us-central1/subnetworks/s1',
        place,
      ),
    ).toBeUndefined();
    expect(subnetworkProblem('projects/p/regions/europe-west1/subnetworks/s1', place)).toMatch(
      /europe-west1.*us-central1/,
    );
    expect(subnetworkProblem('projects/p/global/networks/n', place)).toMatch(/subnetwork must be/);
  });
  it('common Spark properties have typed values', () => {
    expect(propertyValueProblem('spark.executor.memory', '4g')).toBeUndefined();
    expect(propertyValueProblem('spark.executor.memory', '2048')).toBeUndefined();
    expect(propertyValueProblem('spark.executor.memory', '2gb')).toBeUndefined();
    expect(propertyValueProblem('spark.executor.memory', 'lots')).toMatch(/size/);
    expect(propertyValueProblem('spark.executor.cores', '8')).toBeUndefined();
    expect(propertyValueProblem('spark.executor.cores', '8.5')).toMatch(/whole number/);
    expect(propertyValueProblem('spark.dynamicAllocation.enabled', 'false')).toBeUndefined();
    expect(propertyValueProblem('spark.dynamicAllocation.enabled', 'yes')).toMatch(/true or false/);
    expect(propertyValueProblem('spark.my.own', 'anything')).toBeUndefined();
    expect(propertyValueProblem('toString', 'x')).toBeUndefined();
  });
});

describe('input rules at and around their limits', () => {
  it('sessionId: 4 to 63 of a-z 0-9 -', () => {
    expect(sessionIdProblem('abc')).toMatch(/4 to 63/);
    expect(sessionIdProblem('abcd')).toBeUndefined();
    expect(sessionIdProblem('a'.repeat(63))).toBeUndefined();
    expect(sessionIdProblem('a'.repeat(64))).toMatch(/4 to 63/);
    expect(sessionIdProblem('abc_d')).toMatch(/lowercase/);
    expect(sessionIdProblem('ABCD')).toMatch(/lowercase/);
    expect(sessionIdProblem(undefined)).toMatch(/required/);
  });
  it('requestId: at most 40 letters, digits, _ and -', () => {
    expect(requestIdProblem('A_b-9'.repeat(8))).toBeUndefined();
    expect(requestIdProblem('x'.repeat(41))).toMatch(/40/);
    expect(requestIdProblem('a.b')).toMatch(/letters/);
  });
  it('labels: RFC 1035 keys, values empty or up to 63, at most 32', () => {
    expect(labelKeyProblem('a')).toBeUndefined();
    expect(labelKeyProblem('a'.repeat(63))).toBeUndefined();
    expect(labelKeyProblem('a'.repeat(64))).toMatch(/63/);
    expect(labelKeyProblem('1abc')).toMatch(/start with a lowercase letter/);
    expect(labelKeyProblem('abc-')).toBeDefined();
    expect(labelKeyProblem('')).toMatch(/empty/);
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('v'.repeat(63))).toBeUndefined();
    expect(labelValueProblem('v'.repeat(64))).toMatch(/63/);
    expect(labelValueProblem('Prod')).toBeDefined();
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, '']));
    expect(labelsViolations(many(32))).toEqual([]);
    expect(labelsViolations(many(33))[0]?.description).toMatch(/At most 32/);
  });
  it('ttl and idleTtl: 10 minutes to 14 days', () => {
    expect(ttlProblem('599s', 'ttl')).toMatch(/between/);
    expect(ttlProblem('600s', 'ttl')).toBeUndefined();
    expect(ttlProblem('1209600s', 'idleTtl')).toBeUndefined();
    expect(ttlProblem('1209600.5s', 'idleTtl')).toMatch(/between/);
    expect(ttlProblem('1h', 'ttl')).toMatch(/duration/);
  });
  it('durations parse back what they format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (s, nanos) => {
          expect(parseDurationSeconds(`${s}s`)).toBe(s);
          expect(parseDurationSeconds(`${s}.${String(nanos).padStart(9, '0')}s`)).toBeCloseTo(
            s + nanos / 1e9,
            6,
          );
        },
      ),
    );
  });
  it('stagingBucket: a bucket name, not gs://', () => {
    expect(bucketProblem('gs://bucket')).toMatch(/gs:\/\//);
    expect(bucketProblem('my-bucket')).toBeUndefined();
    expect(bucketProblem('ab')).toBeDefined();
  });
  it('sessionTemplate: both documented forms, same project and region only', () => {
    const name = 'projects/p/locations/us-central1/sessionTemplates/t1';
    expect(normalizeTemplateRef(name, place)).toEqual({ name });
    expect(normalizeTemplateRef(`https://www.googleapis.com/compute/v1/${name}`, place)).toEqual({ name });
    expect(
      normalizeTemplateRef('projects/q/locations/us-central1/sessionTemplates/t1', place).problem,
    ).toMatch(/same project/);
    expect(normalizeTemplateRef('t1', place).problem).toMatch(/must be/);
  });
  it('oneofs: network or subnetwork; Jupyter or Spark Connect', () => {
    const fields = (s: Parameters<typeof sessionViolations>[0]) =>
      sessionViolations(s, place).map((v) => v.field);
    expect(
      fields({ environmentConfig: { executionConfig: { networkUri: 'a', subnetworkUri: 'b' } } }),
    ).toEqual(['session.environmentConfig.executionConfig.subnetworkUri']);
    expect(fields({ jupyterSession: {}, sparkConnectSession: {} })).toEqual(['session.sparkConnectSession']);
    expect(
      fields({ jupyterSession: {}, environmentConfig: { executionConfig: { networkUri: 'a' } } }),
    ).toEqual([]);
  });
  it('resource names: KMS key, metastore and history-server cluster', () => {
    const fields = (s: Parameters<typeof sessionViolations>[0]) =>
      sessionViolations(s, place).map((v) => v.field.split('.').at(-1));
    expect(
      fields({
        environmentConfig: { executionConfig: { kmsKey: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' } },
      }),
    ).toEqual([]);
    expect(fields({ environmentConfig: { executionConfig: { kmsKey: 'my-key' } } })).toEqual(['kmsKey']);
    expect(fields({ environmentConfig: { peripheralsConfig: { metastoreService: 'x' } } })).toEqual([
      'metastoreService',
    ]);
    expect(
      fields({
        environmentConfig: { peripheralsConfig: { sparkHistoryServerConfig: { dataprocCluster: 'x' } } },
      }),
    ).toEqual(['dataprocCluster']);
  });
  it('violations carry structured paths, and which part of a map entry is wrong', () => {
    const found = sessionRuleViolations(
      {
        labels: { Bad: 'ok', good: 'Bad!' },
        runtimeConfig: { properties: { 'has space': 'x' } },
        environmentConfig: { executionConfig: { resourceManagerTags: { 'tagKeys/1': 'a b' } } },
      },
      place,
    );
    expect(found.map(({ path, part }) => ({ path, part }))).toEqual([
      { path: ['labels', { key: 'Bad' }], part: 'key' },
      { path: ['labels', { key: 'good' }], part: 'value' },
      { path: ['runtimeConfig', 'properties', { key: 'has space' }], part: 'key' },
      {
        path: ['environmentConfig', 'executionConfig', 'resourceManagerTags', { key: 'tagKeys/1' }],
        part: 'value',
      },
    ]);
  });
  it('field paths format as the API writes them and parse back', () => {
    const path = ['session', 'labels', { key: 'we"ird.key[0]' }];
    expect(formatFieldPath(['session', 'labels', { key: 'Bad' }])).toBe('session.labels["Bad"]');
    expect(parseFieldPath(formatFieldPath(path))).toEqual(path);
    expect(parseFieldPath('session.environmentConfig.executionConfig.ttl')).toEqual([
      'session',
      'environmentConfig',
      'executionConfig',
      'ttl',
    ]);
  });
});

describe('rules added for the forms', () => {
  it('refuses session and template IDs that start with a hyphen, in plain words', () => {
    expect(sessionIdProblem('-abc-')).toBe(
      'The session ID must start with a lowercase letter or a digit, not a hyphen.',
    );
    expect(templateIdProblem('-tmpl')).toMatch(/^The template ID must start with/);
    expect(sessionIdProblem('1abc-')).toBeUndefined();
  });

  it('knows the supported runtime versions and their patch versions', () => {
    expect(runtimeVersionProblem('2.2')).toBeUndefined();
    expect(runtimeVersionProblem('2.2.41')).toBeUndefined();
    expect(runtimeVersionProblem('9.9')).toBe(
      'Runtime version 9.9 is not supported. Choose 3.0, 2.3, 2.2 or 1.2 (or one of their patch versions, such as 2.2.41), or leave empty for the default.',
    );
    expect(runtimeVersionProblem('abc')).toMatch(/^"abc" is not a runtime version/);
    expect(runtimeVersionProblem('2.20')).toMatch(/not supported/);
  });

  it('checks the shape of a container image reference', () => {
    for (const good of [
      'us-docker.pkg.dev/p/repo/image:1.0',
      'gcr.io/x/y',
      'localhost:5000/img@sha256:' + 'a'.repeat(64),
      'ubuntu',
    ])
      expect(containerImageProblem(good), good).toBeUndefined();
    for (const bad of ['https://gcr.io/x/y', 'gcr.io/X/y', 'my image', 'gcr.io/x/y:', 'gcr.io//y'])
      expect(containerImageProblem(bad), bad).toMatch(/must be an image reference/);
  });

  it('names the owner field in words, not by its API name', () => {
    const violations = sessionRuleViolations({ user: 'not-an-email' }, { project: 'p', location: 'l' });
    expect(violations).toEqual([
      { path: ['user'], description: 'The owner must be an email address, such as name@example.com.' },
    ]);
  });
});
