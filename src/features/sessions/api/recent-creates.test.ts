import { describe, expect, it } from 'vitest';
import { BOOSTED_INTERVAL_MS, BOOST_FOR_MS, boostedInterval, noteSessionCreated } from './recent-creates';

describe('the list refresh after a create', () => {
  it('is short for the region of the create, for a while, then back to the adaptive schedule', () => {
    const now = 1_000_000;
    expect(boostedInterval('projects/p/locations/a', now)).toBeUndefined();
    noteSessionCreated('projects/p/locations/a', now);
    expect(BOOSTED_INTERVAL_MS).toBeLessThanOrEqual(1000);
    expect(boostedInterval('projects/p/locations/a', now + 1)).toBe(BOOSTED_INTERVAL_MS);
    expect(boostedInterval('projects/p/locations/a', now + BOOST_FOR_MS - 1)).toBe(BOOSTED_INTERVAL_MS);
    expect(boostedInterval('projects/p/locations/a', now + BOOST_FOR_MS)).toBeUndefined();
    // Other regions keep their schedule.
    expect(boostedInterval('projects/p/locations/b', now + 1)).toBeUndefined();
  });
});
