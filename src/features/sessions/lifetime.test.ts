import { describe, expect, it } from 'vitest';
import type { Session } from '../../schemas/wire';
import { expiresIn, expiryTime, lifetimeSentence } from './lifetime';

const now = Date.parse('2026-11-25T12:00:00Z');
const exec = (ttl?: string, idleTtl?: string): Session['environmentConfig'] => ({
  executionConfig: { ttl, idleTtl },
});

describe('lifetime: one sentence per state', () => {
  it('ACTIVE with TTL and idle TTL: the end time, then the idle rule, no dangling "also"', () => {
    const session: Session = {
      state: 'ACTIVE',
      stateTime: '2026-11-25T11:00:00Z',
      environmentConfig: exec('7200s', '3600s'),
    };
    expect(expiryTime(session)).toBe('2026-11-25T13:00:00.000Z');
    expect(expiresIn(session, now)).toBe('in 1 h');
    const text = lifetimeSentence(session, now)!;
    expect(text).toMatch(
      /^It ends at .+ \(in 1 h\) at the latest \(TTL 2 h\), or sooner after 1 h without activity \(idle TTL\)\.$/,
    );
    expect(text).not.toMatch(/also/);
  });
  it('ACTIVE with only an idle TTL says only that', () => {
    const session: Session = {
      state: 'ACTIVE',
      stateTime: '2026-11-25T11:00:00Z',
      environmentConfig: exec(undefined, '3600s'),
    };
    expect(lifetimeSentence(session, now)).toBe('It ends after 1 h without activity (idle TTL).');
    expect(expiresIn(session, now)).toBe('');
  });
  it('CREATING speaks of what happens once it is active', () => {
    const session: Session = { state: 'CREATING', environmentConfig: exec('86400s', '3600s') };
    expect(lifetimeSentence(session, now)).toBe(
      'Once active, it ends after 1 d (TTL) at the latest, or sooner after 1 h without activity (idle TTL).',
    );
    expect(expiryTime(session)).toBeUndefined();
  });
  it('says nothing about expiry while TERMINATING or once ended', () => {
    for (const state of ['TERMINATING', 'TERMINATED', 'FAILED'] as const) {
      const session: Session = {
        state,
        stateTime: '2026-11-25T11:30:00Z',
        stateHistory: [{ state: 'ACTIVE', stateStartTime: '2026-11-25T11:00:00Z' }],
        environmentConfig: exec('7200s', '3600s'),
      };
      expect(lifetimeSentence(session, now)).toBeUndefined();
      expect(expiresIn(session, now)).toBe('');
    }
  });
});
