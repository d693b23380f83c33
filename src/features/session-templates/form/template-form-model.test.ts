import { describe, expect, it } from 'vitest';
import type { SessionTemplate } from '../../../schemas/wire';
import {
  emptyTemplateForm,
  exportedTemplate,
  fromTemplate,
  importTemplate,
  templateDiff,
  templateFormPathForWire,
  templateFormProblems,
  toTemplate,
} from './template-form-model';

const parent = 'projects/p/locations/us-central1';
const full: SessionTemplate = {
  name: `${parent}/sessionTemplates/t-full`,
  description: 'all of it',
  sparkConnectSession: {},
  labels: { team: 'data' },
  runtimeConfig: { version: '2.3', properties: { 'spark.executor.cores': '4' }, cohort: 'c' },
  environmentConfig: {
    executionConfig: {
      ttl: '3600s',
      networkTags: ['a'],
      resourceManagerTags: { 'tagKeys/1': 'tagValues/2' },
    },
    peripheralsConfig: { metastoreService: 'projects/p/locations/us-central1/services/m' },
  },
};

describe('template form model', () => {
  it('round-trips every editable field of a template, name included', () => {
    expect(toTemplate(fromTemplate(full), parent)).toEqual(full);
  });
  it('checks the template ID with the session-ID rule, in its own words', () => {
    const problems = templateFormProblems({ ...emptyTemplateForm('Bad_ID') }, parent);
    expect(problems.find((p) => p.path === 'templateId')?.message).toMatch(
      /^The template ID may contain only/,
    );
    expect(templateFormProblems(emptyTemplateForm('good-id'), parent)).toEqual([]);
  });
  it('places description and config findings at their fields', () => {
    const values = { ...emptyTemplateForm('good-id'), description: 'x'.repeat(1025), kmsKey: 'k' };
    const paths = templateFormProblems(values, parent).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['description', 'kmsKey']));
    expect(
      templateFormPathForWire({ field: 'sessionTemplate.name', description: '' }, emptyTemplateForm('a')),
    ).toBe('templateId');
  });
  it('exports without the name and output-only fields, as gcloud does', () => {
    const stored = { ...full, uuid: 'u', createTime: 't', updateTime: 't2', creator: 'c@example.com' };
    expect(exportedTemplate(stored)).toEqual({ ...full, name: undefined });
    expect('name' in exportedTemplate(stored)).toBe(false);
  });
  it('imports YAML, keeping the form’s ID and listing what it did not take', async () => {
    const yaml =
      'description: from yaml\nsparkConnectSession: {}\nuuid: abc\nextra: 1\nruntimeConfig:\n  version: "2.2"\n';
    const result = await importTemplate(yaml, 'kept-id');
    expect(result.values?.templateId).toBe('kept-id');
    expect(result.ignored).toEqual(['uuid (set by the service)', 'extra (unknown field)']);
    expect(toTemplate(result.values!, parent)).toEqual({
      name: `${parent}/sessionTemplates/kept-id`,
      description: 'from yaml',
      sparkConnectSession: {},
      runtimeConfig: { version: '2.2' },
    });
    expect(
      (await importTemplate('{"name": "projects/p/locations/l/sessionTemplates/named"}', '')).values
        ?.templateId,
    ).toBe('named');
  });
  it('diffs field by field, ignoring output-only fields', () => {
    const after = {
      ...full,
      description: 'changed',
      labels: { team: 'data', env: 'prod' },
      updateTime: 'later',
    };
    expect(templateDiff(full, after)).toEqual([
      { field: 'description', before: 'all of it', after: 'changed' },
      { field: 'labels.env', before: undefined, after: 'prod' },
    ]);
    expect(templateDiff(full, { ...full, sparkConnectSession: undefined })).toEqual([
      { field: 'sparkConnectSession', before: '{}', after: undefined },
    ]);
  });
});
