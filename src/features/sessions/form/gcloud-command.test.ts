import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../schemas/wire';
import { gcloudCommand } from './session-form-model';

/**
 * What a real shell hands gcloud: the command is run by bash with `gcloud` defined as a function
 * that prints its arguments, NUL-separated.
 */
function argvOf(command: string): string[] {
  const out = execFileSync('bash', ['-c', `gcloud() { printf '%s\\0' "$@"; }\n${command}`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

/** gcloud's reading of a list or dict flag value (`gcloud topic escaping`: `^DELIM^a,bDELIMc`). */
function splitGcloud(value: string): string[] {
  const custom = /^\^([^^]+)\^/.exec(value);
  return custom ? value.slice(custom[0].length).split(custom[1]!) : value.split(',');
}
function dictOf(value: string): Record<string, string> {
  return Object.fromEntries(
    splitGcloud(value).map((item) => {
      const at = item.indexOf('=');
      return [item.slice(0, at), item.slice(at + 1)];
    }),
  );
}

function flags(argv: string[]): Map<string, string> {
  return new Map(
    argv
      .filter((a) => a.startsWith('--'))
      .map((a) => {
        const at = a.indexOf('=');
        return [a.slice(2, at), a.slice(at + 1)];
      }),
  );
}

const place = { project: 'my-proj', location: 'europe-west1' };

describe('the equivalent gcloud command', () => {
  it('hands gcloud exactly the values of the request: commas, equals signs, quotes, spaces, non-ASCII', () => {
    const session: Session = {
      jupyterSession: { kernel: 'PYTHON' },
      labels: { env: 'prod', team: '' },
      runtimeConfig: {
        version: '2.3',
        properties: {
          'spark.jars.packages': 'org.a:b:1.0,org.c:d:2.0',
          'spark.driver.extraJavaOptions': '-Dx=1 -Dy=\'two words\' -Dz="q"',
          'spark.app.name': 'Données été ✓',
          'spark.sql.shuffle.partitions': '200',
        },
      },
      environmentConfig: {
        executionConfig: {
          serviceAccount: 'sa@my-proj.iam.gserviceaccount.com',
          subnetworkUri: 'projects/my-proj/regions/europe-west1/subnetworks/sub|net',
          networkTags: ['a', 'b'],
          ttl: '7200s',
          idleTtl: '1800s',
          authenticationConfig: { userWorkloadAuthenticationType: 'END_USER_CREDENTIALS' },
          resourceManagerTags: { 'my-proj/env': 'prod', 'tagKeys/123': 'tagValues/4,5' },
        },
        peripheralsConfig: { metastoreService: 'projects/my-proj/locations/europe-west1/services/ms' },
      },
      sessionTemplate: 'projects/my-proj/locations/europe-west1/sessionTemplates/base',
    };
    const { command, notExpressible } = gcloudCommand(session, place, 'my-session', 'req-1');
    const argv = argvOf(command);
    expect(argv.slice(0, 6)).toEqual(['beta', 'dataproc', 'sessions', 'create', 'spark', 'my-session']);
    const f = flags(argv);
    expect(f.get('project')).toBe('my-proj');
    expect(f.get('location')).toBe('europe-west1');
    expect(f.get('kernel')).toBe('python');
    expect(dictOf(f.get('labels')!)).toEqual(session.labels);
    expect(dictOf(f.get('property')!)).toEqual(session.runtimeConfig!.properties);
    // gcloud 528 has no flag for resource manager tags: said under the command, never emitted.
    expect(f.has('resource-manager-tag')).toBe(false);
    expect(splitGcloud(f.get('tags')!)).toEqual(['a', 'b']);
    expect(f.get('subnet')).toBe('projects/my-proj/regions/europe-west1/subnetworks/sub|net');
    expect(f.get('ttl')).toBe('7200s');
    expect(f.get('max-idle')).toBe('1800s');
    expect(f.get('user-workload-authentication-type')).toBe('end-user-credentials');
    expect(f.get('session_template')).toBe(session.sessionTemplate);
    expect(f.get('metastore-service')).toBe('projects/my-proj/locations/europe-west1/services/ms');
    expect(f.get('request-id')).toBe('req-1');
    expect(notExpressible).toEqual(['resource manager tags (gcloud 528 has no flag for them)']);
  });

  it('picks a delimiter that no value contains', () => {
    const properties = { 'a.b': 'x,|#;@~!', 'c.d': 'y' };
    const { command } = gcloudCommand({ runtimeConfig: { properties } }, place, 's-1234');
    expect(dictOf(flags(argvOf(command)).get('property')!)).toEqual(properties);
  });

  it('lists what gcloud cannot express instead of dropping it', () => {
    const { command, notExpressible } = gcloudCommand(
      {
        sparkConnectSession: {},
        runtimeConfig: {
          autotuningConfig: { scenarios: ['MEMORY'] },
          cohort: 'nightly',
          repositoryConfig: { pypiRepositoryConfig: { pypiRepository: 'https://pypi.example.com/simple' } },
        },
      },
      place,
      'connect-1',
    );
    expect(command).not.toContain('--kernel');
    expect(notExpressible.join('\n')).toMatch(/Spark Connect/);
    expect(notExpressible.join('\n')).toMatch(/MEMORY/);
    expect(notExpressible.join('\n')).toMatch(/nightly/);
    expect(notExpressible.join('\n')).toMatch(/PyPI/);
  });

  it('never hands gcloud a session ID it would read as a flag, whatever is typed', () => {
    for (const typed of ['-abc-', '--help', "-x'; rm -rf ~", '']) {
      const argv = argvOf(gcloudCommand({}, place, typed).command);
      const positional = argv.slice(5).find((a) => !a.startsWith('--'));
      expect(argv.slice(0, 5)).toEqual(['beta', 'dataproc', 'sessions', 'create', 'spark']);
      expect(positional).toBe(`projects/my-proj/locations/europe-west1/sessions/${typed}`);
    }
    expect(argvOf(gcloudCommand({}, place, 'plain-id').command)[5]).toBe('plain-id');
  });
});
