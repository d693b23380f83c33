import { useEffect, useState } from 'react';

/**
 * The last answer that was the real one for its request (not a placeholder from the previous
 * view), so a refused filter can keep the last accepted rows on screen. Remembered after render.
 */
export function useLastGood<T>(data: T | undefined, isPlaceholder: boolean): T | undefined {
  const [lastGood, setLastGood] = useState<T | undefined>(isPlaceholder ? undefined : data);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- remembering an answer once it is shown
    if (data !== undefined && !isPlaceholder) setLastGood(data);
  }, [data, isPlaceholder]);
  return data !== undefined && !isPlaceholder ? data : lastGood;
}
