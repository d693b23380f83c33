import useMediaQuery from '@mui/material/useMediaQuery';
import { createContext, useContext, useState, useSyncExternalStore } from 'react';
import { renderEnvironment } from '../lib/render-environment';

const STORAGE_KEY = 'dataproc-console.color-mode';

interface ColorModeState {
  preference: 'system' | 'light' | 'dark';
  mode: 'light' | 'dark';
  setPreference: (preference: 'system' | 'light' | 'dark') => void;
}

export const ColorModeContext = createContext<ColorModeState>({
  preference: 'system',
  mode: 'light',
  setPreference: () => undefined,
});

function storedPreference(): ColorModeState['preference'] {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

const noSubscription = () => () => undefined;

/**
 * Follows the system's light or dark setting unless the user picked one (kept in localStorage). A
 * server-rendered page is hydrated in the mode it was rendered in (the server cannot read either),
 * then switches: useSyncExternalStore's server snapshot is what React uses while hydrating.
 */
export function useColorModeState(): ColorModeState {
  const rendered = renderEnvironment()?.colorMode;
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', {
    noSsr: rendered === undefined,
    defaultMatches: rendered === 'dark',
  });
  // The server renders "follow the system" in the mode it was given.
  const storedOnce = useSyncExternalStore(noSubscription, storedPreference, () =>
    rendered === undefined ? storedPreference() : 'system',
  );
  const [chosen, setPreferenceState] = useState<ColorModeState['preference']>();
  const preference = chosen ?? storedOnce;
  const setPreference = (next: ColorModeState['preference']) => {
    setPreferenceState(next);
    try {
      if (next === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts for this page.
    }
  };
  const mode = preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference;
  return { preference, mode, setPreference };
}

export const useColorMode = () => useContext(ColorModeContext);
