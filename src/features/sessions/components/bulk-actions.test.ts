import { describe, expect, it } from 'vitest';
import { outcomeText } from './bulk-actions';

describe('bulk outcome counts what really changed', () => {
  it('separates terminated from already ended and failed', () => {
    expect(
      outcomeText({
        action: 'terminate',
        running: [],
        changed: ['a', 'b', 'c'],
        unchanged: ['d'],
        failed: [],
      }),
    ).toBe('3 terminated, 1 had already ended.');
    expect(
      outcomeText({
        action: 'terminate',
        running: ['x'],
        changed: ['a'],
        unchanged: [],
        failed: [{ name: 'b', message: 'denied' }],
      }),
    ).toBe('Terminating 1 session… 1 terminated, 1 failed.');
    expect(
      outcomeText({ action: 'delete', running: [], changed: ['a', 'b'], unchanged: [], failed: [] }),
    ).toBe('2 deleted.');
  });
});
