import { useSyncExternalStore } from 'react';
import { renderEnvironment } from './render-environment';

/**
 * Whether absolute times are shown in UTC or in the browser's zone. A small store outside React, so
 * that `formatDateTime` (called from many places) follows it without every caller passing it in.
 * The app subscribes once at its root (src/app/app.tsx) and re-renders everything when it changes;
 * only a memoized component that shows times needs the zone itself (as a prop or `useTimeZone`).
 */
export type TimeZoneSetting = 'local' | 'utc';

const STORAGE_KEY = 'dataproc-console.time-zone';
const listeners = new Set<() => void>();

function stored(): TimeZoneSetting {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    return 'local';
  }
}

let current: TimeZoneSetting = stored();

export function getTimeZone(): TimeZoneSetting {
  return current;
}

export function setTimeZone(next: TimeZoneSetting): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Without storage the choice lasts for this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A server render, and the hydration of one, use the setting the page was rendered with. */
const renderedTimeZone = (): TimeZoneSetting => renderEnvironment()?.zoneSetting ?? getTimeZone();

export function useTimeZone(): TimeZoneSetting {
  return useSyncExternalStore(subscribe, getTimeZone, renderedTimeZone);
}

/** Made on first use and kept, per rendering zone: building an Intl formatter costs milliseconds. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}@${timeZone ?? ''}`;
  let formatter = zoneFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone });
    zoneFormatters.set(key, formatter);
  }
  return formatter;
}

/** The short name of the zone times are shown in: "UTC", or the local one such as "GMT+1" or "CET". */
export function zoneName(zone: TimeZoneSetting = current, at: Date = new Date()): string {
  if (zone === 'utc') return 'UTC';
  const environment = renderEnvironment();
  const formatter = zoneFormatter(environment?.locale, environment?.timeZone);
  const part = formatter.formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local time';
}
