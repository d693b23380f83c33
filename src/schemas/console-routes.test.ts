import { describe, expect, it } from 'vitest';
import { defineRoute, matchRoute, paths, routes, text } from './console-routes';
import { listRequestFor } from './first-page';

describe('console routes', () => {
  it('builds and matches every page of a region, with typed params', () => {
    const place = { project: 'p', location: 'us-central1' };
    expect(routes.sessions.href(place)).toBe('/projects/p/locations/us-central1/sessions');
    expect(routes.session.href({ ...place, session: 's1' })).toBe(
      '/projects/p/locations/us-central1/sessions/s1',
    );
    expect(routes.editTemplate.href({ ...place, template: 't' })).toBe(
      '/projects/p/locations/us-central1/sessionTemplates/t/edit',
    );
    expect(matchRoute('/projects/p/locations/l/sessions/new')?.id).toBe('newSession');
    expect(matchRoute('/projects/p/locations/l/sessions/s1')).toMatchObject({
      id: 'session',
      params: { project: 'p', location: 'l', session: 's1' },
    });
    expect(matchRoute('/projects/p/locations/l/sessions/')?.id).toBe('sessions');
    expect(matchRoute('/projects/p/locations/l/sessionTemplates/t/edit')?.id).toBe('editTemplate');
    expect(matchRoute('/projects/p/locations/l/sessionTemplates/t')?.route.section).toBe('templates');
    expect(matchRoute('/projects/p/locations/l/other')).toBeUndefined();
  });

  it('keeps a typed value inside its segment, and reads it back', () => {
    const href = routes.sessions.href({ project: 'a/b?c', location: 'l' });
    expect(href).toBe('/projects/a%2Fb%3Fc/locations/l/sessions');
    expect(routes.sessions.match(href)).toEqual({ project: 'a/b?c', location: 'l' });
    expect(routes.sessions.href({ project: 'example.com:proj', location: 'l' })).toBe(
      '/projects/example.com:proj/locations/l/sessions',
    );
  });

  it('writes search parameters from typed values, leaving out empty ones, and drops bad values on reading', () => {
    expect(paths.sessions('p', 'l', { label: ['env=prod', 'team=a&b'], q: '' })).toBe(
      '/projects/p/locations/l/sessions?label=env%3Dprod&label=team%3Da%26b',
    );
    expect(routes.sessions.readSearch('label=a=1&created=2y&q=x')).toEqual({ label: ['a=1'], q: 'x' });
    expect(routes.session.readSearch('?tab=spark&view=nonsense&job=3')).toEqual({ tab: 'spark', job: '3' });
    expect(paths.session('projects/p/locations/l/sessions/s', { tab: undefined })).toBe(
      '/projects/p/locations/l/sessions/s',
    );
    expect(paths.template('projects/p/locations/l/sessionTemplates/t')).toBe(
      '/projects/p/locations/l/sessionTemplates/t',
    );
  });

  it('reads each search parameter on its own: a repeated single value, a non-number or an unknown key is dropped', () => {
    expect(routes.sessions.readSearch('q=a&q=b&state=ACTIVE&constructor=x&__proto__=y')).toEqual({
      state: 'ACTIVE',
    });
    expect(routes.sessions.readSearch('label=a=1&label=b=2&created=1h')).toEqual({
      label: ['a=1', 'b=2'],
      created: '1h',
    });
    expect(routes.idle.readSearch('minutes=30')).toEqual({ minutes: 30 });
    expect(routes.idle.readSearch('minutes=3x')).toEqual({});
    expect(routes.session.readSearch('view=sql&jobs=failed')).toEqual({ view: 'sql', jobs: 'failed' });
  });

  it('declares a region-less route like any other (a project-wide page)', () => {
    const fleet = defineRoute('/projects/:project/fleet', {
      search: { state: text() },
    });
    expect(fleet.href({ project: 'p' }, { state: 'ACTIVE' })).toBe('/projects/p/fleet?state=ACTIVE');
    expect(fleet.match('/projects/p/fleet')).toEqual({ project: 'p' });
    expect(fleet.match('/projects/p/locations/l/sessions')).toBeUndefined();
    expect(fleet.readSearch('state=ACTIVE')).toEqual({ state: 'ACTIVE' });
  });
});

describe('the list page first request (shared with the server)', () => {
  it('is the API call the list URL makes, and only for a session list with a safe place', () => {
    expect(listRequestFor('/projects/p/locations/l/sessions', '?state=ACTIVE&pageSize=20')).toEqual({
      parent: 'projects/p/locations/l',
      params: { filter: 'state = ACTIVE', pageSize: 20, pageToken: undefined },
      url: '/v1/projects/p/locations/l/sessions?filter=state+%3D+ACTIVE&pageSize=20',
    });
    expect(listRequestFor('/projects/p/locations/l/sessions/s1', '')).toBeUndefined();
    expect(listRequestFor('/projects/%2E%2E/locations/l/sessions', '')).toBeUndefined();
    expect(listRequestFor('/projects/P/locations/l/sessions', '')).toBeUndefined();
  });
});
