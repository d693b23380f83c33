import { describe, expect, it } from 'vitest';
import type { Session, SessionTemplate } from '../../../schemas/wire';
import {
  emptyForm,
  formPathFor,
  formProblems,
  fromSession,
  importSession,
  suggestSessionId,
  toSession,
} from './session-form-model';
import { cloneOf } from '../clone';

const place = { project: 'p', location: 'us-central1' };
const full: Session = {
  jupyterSession: { kernel: 'SCALA', displayName: 'Scala' },
  labels: { env: 'prod', team: '' },
  runtimeConfig: {
    version: '2.2',
    containerImage: 'gcr.io/p/img:1',
    properties: { 'spark.executor.cores': '4' },
    repositoryConfig: { pypiRepositoryConfig: { pypiRepository: 'https://pypi.example.com/simple' } },
    autotuningConfig: { scenarios: ['AUTO', 'MEMORY'] },
    cohort: 'nightly',
  },
  environmentConfig: {
    executionConfig: {
      serviceAccount: 'sa@p.iam.gserviceaccount.com',
      subnetworkUri: 'projects/p/regions/us-central1/subnetworks/s',
      networkTags: ['a', 'b'],
      kmsKey: 'projects/p/locations/us-central1/keyRings/r/cryptoKeys/k',
      ttl: '7200s',
      idleTtl: '900s',
      stagingBucket: 'bucket-1',
      authenticationConfig: { userWorkloadAuthenticationType: 'SERVICE_ACCOUNT' },
      resourceManagerTags: { 'tagKeys/1': 'tagValues/2' },
    },
    peripheralsConfig: {
      metastoreService: 'projects/p/locations/us-central1/services/m',
      sparkHistoryServerConfig: { dataprocCluster: 'projects/p/regions/us-central1/clusters/c' },
    },
  },
  sessionTemplate: 'projects/p/locations/us-central1/sessionTemplates/t',
  user: 'ana@example.com',
};

describe('create form model', () => {
  it('round-trips every editable field of a Session', () => {
    expect(toSession(fromSession(full, 'abcd'), place)).toEqual(full);
  });
  it('an empty form sends only the session type', () => {
    expect(toSession(emptyForm('abcd'), place)).toEqual({ jupyterSession: { kernel: 'PYTHON' } });
    expect(toSession({ ...emptyForm('abcd'), sessionType: 'sparkConnect' }, place)).toEqual({
      sparkConnectSession: {},
    });
    expect(toSession({ ...emptyForm('abcd'), sessionType: 'unset' }, place)).toEqual({});
  });
  it('leaves out service-added labels when cloning', () => {
    const values = fromSession({ labels: { env: 'dev', 'goog-dataproc-session-id': 'x' } }, 'abcd');
    expect(values.labels).toEqual([{ key: 'env', value: 'dev' }]);
  });
  it('normalizes the template URL form', () => {
    const values = {
      ...emptyForm('abcd'),
      sessionTemplate:
        'https://www.googleapis.com/compute/v1/projects/p/locations/us-central1/sessionTemplates/t',
    };
    expect(toSession(values, place).sessionTemplate).toBe(
      'projects/p/locations/us-central1/sessionTemplates/t',
    );
  });
  it('suggests a valid session ID', () => {
    expect(formProblems(emptyForm(suggestSessionId(new Date(2026, 10, 25, 9, 5, 7))), place)).toEqual([]);
  });
});

describe('form problems, at the field they concern', () => {
  it('"From the template" needs a template', () => {
    const values = { ...emptyForm('abcd'), sessionType: 'unset' as const };
    expect(formProblems(values, place)).toEqual([
      { path: 'sessionTemplate', message: expect.stringMatching(/Choose a template/) },
    ]);
    const withTemplate = {
      ...values,
      sessionTemplate: 'projects/p/locations/us-central1/sessionTemplates/t1',
    };
    expect(formProblems(withTemplate, place)).toEqual([]);
  });

  const problems = (change: Partial<ReturnType<typeof emptyForm>>) =>
    Object.fromEntries(
      formProblems({ ...emptyForm('abcd'), ...change }, place).map((p) => [p.path, p.message]),
    );
  it('TTL limits: 10 minutes to 14 days', () => {
    expect(problems({ ttl: { amount: '9', unit: 'min' } })['ttl.amount']).toMatch(/between 10 minutes/);
    expect(problems({ ttl: { amount: '10', unit: 'min' } })['ttl.amount']).toBeUndefined();
    expect(problems({ idleTtl: { amount: '14', unit: 'd' } })['idleTtl.amount']).toBeUndefined();
    expect(problems({ idleTtl: { amount: '14.01', unit: 'd' } })['idleTtl.amount']).toMatch(/between/);
    expect(problems({ ttl: { amount: '-1', unit: 'h' } })['ttl.amount']).toMatch(/positive/);
  });
  it('labels: per row, duplicates, and the count of 32', () => {
    expect(problems({ labels: [{ key: 'Env', value: '' }] })['labels.0.key']).toMatch(/lowercase letter/);
    expect(problems({ labels: [{ key: 'env', value: 'A' }] })['labels.0.value']).toBeDefined();
    expect(
      problems({
        labels: [
          { key: 'env', value: '' },
          { key: 'env', value: 'x' },
        ],
      })['labels.1.key'],
    ).toMatch(/Duplicate/);
    expect(problems({ labels: [{ key: '', value: 'orphan' }] })['labels.0.key']).toMatch(/Enter a label key/);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(problems({ labels: rows(32) })['labels.root']).toBeUndefined();
    expect(problems({ labels: rows(33) })['labels.root']).toMatch(/At most 32/);
  });
  it('network choice needs its URI; resource names follow their patterns', () => {
    expect(problems({ network: 'subnetwork' })['subnetworkUri']).toMatch(/Enter the subnetwork/);
    expect(problems({ kmsKey: 'k' })['kmsKey']).toMatch(/keyRings/);
    expect(problems({ historyServerCluster: 'c' })['historyServerCluster']).toMatch(/clusters/);
    expect(problems({ stagingBucket: 'gs://b' })['stagingBucket']).toMatch(/gs:\/\//);
    expect(
      problems({ sessionTemplate: 'projects/q/locations/us-central1/sessionTemplates/t' })['sessionTemplate'],
    ).toMatch(/same project/);
  });
  it('maps server field violations onto form fields', () => {
    const values = {
      ...emptyForm('abcd'),
      labels: [
        { key: 'a', value: '' },
        { key: 'Bad', value: '' },
      ],
    };
    expect(formPathFor({ field: 'session.labels["Bad"]', description: 'A label key must…' }, values)).toBe(
      'labels.1.key',
    );
    expect(
      formPathFor({ field: 'session.environmentConfig.executionConfig.idleTtl', description: '' }, values),
    ).toBe('idleTtl.amount');
    expect(formPathFor({ field: 'session.sessionTemplate', description: '' }, values)).toBe(
      'sessionTemplate',
    );
    expect(formPathFor({ field: 'session.somethingElse', description: '' }, values)).toBeUndefined();
  });
});

describe('import and gcloud', () => {
  it('imports a described session, listing output-only and unknown fields', async () => {
    const result = await importSession(
      JSON.stringify({
        ...full,
        name: 'projects/p/locations/l/sessions/orig',
        state: 'ACTIVE',
        uuid: 'u',
        extra: 1,
      }),
      'x',
    );
    expect(result.values?.sessionId).toBe('orig-copy');
    expect(result.ignored).toEqual(
      expect.arrayContaining([
        'state (set by the service)',
        'uuid (set by the service)',
        'extra (unknown field)',
      ]),
    );
    expect(toSession(result.values!, place)).toEqual(full);
    expect((await importSession('{oops', 'x')).error).toMatch(/Not valid JSON/);
    expect((await importSession('[]', 'x')).error).toMatch(/JSON or YAML object/);
    expect((await importSession('a: [b', 'x')).error).toMatch(/Not valid YAML/);
  });
  it('imports YAML as well', async () => {
    const yaml =
      'name: projects/p/locations/l/sessions/from-yaml\nsparkConnectSession: {}\nlabels:\n  team: data\nruntimeConfig:\n  version: "2.3"\nstate: ACTIVE\n';
    const result = await importSession(yaml, 'x');
    expect(result.values?.sessionId).toBe('from-yaml-copy');
    expect(result.ignored).toEqual(['state (set by the service)', 'name (set by the service)']);
    expect(toSession(result.values!, place)).toEqual({
      sparkConnectSession: {},
      labels: { team: 'data' },
      runtimeConfig: { version: '2.3' },
    });
  });
});

describe('clone', () => {
  const template: SessionTemplate = {
    name: 'projects/p/locations/us-central1/sessionTemplates/base',
    jupyterSession: { kernel: 'PYTHON' },
    labels: { team: 'data' },
    runtimeConfig: { version: '2.2', properties: { 'spark.from.template': 'yes' } },
    environmentConfig: { executionConfig: { idleTtl: '7200s' } },
  };
  const stored: Session = {
    name: 'projects/p/locations/us-central1/sessions/orig',
    sessionTemplate: template.name,
    jupyterSession: { kernel: 'PYTHON' },
    labels: { team: 'data', env: 'prod' },
    runtimeConfig: {
      version: '2.2',
      properties: { 'spark.from.template': 'yes', 'spark.executor.cores': '8' },
    },
    environmentConfig: {
      executionConfig: {
        idleTtl: '7200s',
        ttl: '86400s',
        serviceAccount: '270777588700-compute@developer.gserviceaccount.com',
        networkTags: ['mine'],
      },
    },
  };

  it('copies what the user set, not the template’s values or the service’s defaults, and says so', () => {
    const { session, leftOut } = cloneOf(stored, template);
    expect(session).toEqual({
      name: stored.name,
      sessionTemplate: template.name,
      labels: { env: 'prod' },
      runtimeConfig: { properties: { 'spark.executor.cores': '8' } },
      environmentConfig: { executionConfig: { networkTags: ['mine'] } },
    });
    expect(leftOut.join(' ')).toMatch(/template base/);
    expect(leftOut.join(' ')).toMatch(/default service account.*default TTL/);
    // The session on screen is untouched.
    expect(stored.environmentConfig?.executionConfig?.ttl).toBe('86400s');
  });

  it('keeps a value the user changed from the template’s', () => {
    const changed = { ...stored, labels: { team: 'ml' } };
    expect(cloneOf(changed, template).session.labels).toEqual({ team: 'ml' });
  });

  it('without a template, keeps everything but the service’s defaults', () => {
    const { session } = cloneOf({ ...stored, sessionTemplate: undefined });
    expect(session.labels).toEqual(stored.labels);
    expect(session.environmentConfig?.executionConfig).toEqual({ idleTtl: '7200s', networkTags: ['mine'] });
  });
});
