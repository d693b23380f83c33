import { describe, expect, it } from 'vitest';
import { idOf, parentName, parentOf, parseName, placeOf, sessionName, templateName } from './names';

const place = { project: 'p-1', location: 'us-central1' };

describe('resource names', () => {
  it('builds names that parse back to their parts', () => {
    expect(sessionName(parentName(place), 's-1')).toBe('projects/p-1/locations/us-central1/sessions/s-1');
    expect(parseName(sessionName(parentName(place), 's-1'))).toEqual({
      ...place,
      collection: 'sessions',
      id: 's-1',
    });
    expect(parseName(templateName(parentName(place), 't-1'))).toEqual({
      ...place,
      collection: 'sessionTemplates',
      id: 't-1',
    });
  });

  it('refuses names that are not a session or template', () => {
    expect(parseName('projects/p/locations/l')).toBeUndefined();
    expect(parseName('projects/p/locations/l/batches/b')).toBeUndefined();
    expect(parseName('projects/p/locations/l/sessions/a/b')).toBeUndefined();
    expect(parseName(undefined)).toBeUndefined();
  });

  it('finds the parent and place of a name or a parent', () => {
    expect(parentOf(templateName(parentName(place), 't'))).toBe(parentName(place));
    expect(parentOf(parentName(place))).toBe(parentName(place));
    expect(placeOf(sessionName(parentName(place), 's'))).toEqual(place);
    expect(placeOf('not/a/name')).toBeUndefined();
    expect(placeOf('projects/p/locations/l/sessionTemplates/a/b')).toEqual({ project: 'p', location: 'l' });
  });

  it('takes the ID from the last segment', () => {
    expect(idOf(templateName(parentName(place), 'tpl'))).toBe('tpl');
    expect(idOf(undefined)).toBe('');
  });
});
