import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { errorGuidance, SIGN_IN_REASON } from './error-guidance';

const errorInfo = (reason: string, metadata: Record<string, string> = {}) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'googleapis.com',
  metadata,
});

describe('errorGuidance', () => {
  it('tells a 401 from Google to renew the server’s application-default login', () => {
    const g = errorGuidance(
      new ApiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
      'sessions',
    );
    expect(g.kind).toBe('auth');
    expect(g.hint).toContain('gcloud auth application-default login');
  });

  it('tells this server’s own 401 apart and links to its sign-in form', () => {
    const g = errorGuidance(
      new ApiError(401, 'UNAUTHENTICATED', 'missing', [], [errorInfo(SIGN_IN_REASON)]),
      'sessions',
    );
    expect(g.title).toMatch(/Sign in/);
    expect(g.links).toEqual([{ label: 'Sign in', href: '/console/sign-in' }]);
  });

  it('names the missing permission Google reports', () => {
    const g = errorGuidance(
      new ApiError(
        403,
        'PERMISSION_DENIED',
        "Permission 'dataproc.sessions.list' denied",
        [],
        [errorInfo('IAM_PERMISSION_DENIED', { permission: 'dataproc.sessions.list' })],
      ),
      'sessions',
    );
    expect(g.hint).toContain('dataproc.sessions.list');
    expect(g.hint).toContain('roles/dataproc.viewer');
  });

  it('links to the "enable the API" page, and only over http(s)', () => {
    const enable =
      'https://console.developers.google.com/apis/api/dataproc.googleapis.com/overview?project=p';
    const g = errorGuidance(
      new ApiError(
        403,
        'PERMISSION_DENIED',
        'Cloud Dataproc API has not been used in project p',
        [],
        [
          errorInfo('SERVICE_DISABLED', { activationUrl: enable }),
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [
              { description: 'Google developers console API activation', url: enable },
              { description: 'bad', url: 'javascript:alert(1)' },
            ],
          },
        ],
      ),
      'sessions',
    );
    expect(g.title).toMatch(/not enabled/);
    expect(g.links.map((l) => l.href)).toEqual([enable, enable]);
  });

  it('calls a 429 quota and says reads are retried', () => {
    const g = errorGuidance(new ApiError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded'), 'sessions');
    expect(g.kind).toBe('quota');
    expect(g.hint).toMatch(/retried automatically/);
  });

  it('treats an unreachable or slow upstream as temporary', () => {
    expect(errorGuidance(new ApiError(503, 'UNAVAILABLE', 'Cannot reach'), 'x').kind).toBe('network');
    expect(errorGuidance(new ApiError(504, 'DEADLINE_EXCEEDED', 'slow'), 'x').title).toMatch(/in time/);
  });
});
