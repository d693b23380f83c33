import { describe, expect, it } from 'vitest';
import type { Session } from '../../schemas/wire';
import { stateChangeMessage } from './state-changes';

const s = (id: string, state: Session['state']): Session => ({
  name: `projects/p/locations/l/sessions/${id}`,
  state,
});

describe('state changes read out from the list', () => {
  it('names a few changes, counts many, ignores rows that came or went', () => {
    expect(
      stateChangeMessage([s('a', 'CREATING'), s('b', 'ACTIVE')], [s('a', 'ACTIVE'), s('b', 'ACTIVE')]),
    ).toBe('a is now active.');
    expect(stateChangeMessage([s('a', 'ACTIVE')], [s('new', 'CREATING'), s('a', 'ACTIVE')])).toBeUndefined();
    const before = ['a', 'b', 'c', 'd'].map((id) => s(id, 'ACTIVE'));
    const after = ['a', 'b', 'c', 'd'].map((id) => s(id, 'TERMINATING'));
    expect(stateChangeMessage(before, after)).toBe('4 sessions changed state.');
  });
});
