import useMediaQuery from '@mui/material/useMediaQuery';
import { createContext, useContext, useState } from 'react';

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

/** Follows the system's light or dark setting unless the user picked one (kept in localStorage). */
export function useColorModeState(): ColorModeState {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const [preference, setPreferenceState] = useState(storedPreference);
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
