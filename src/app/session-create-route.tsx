import { useMemo } from 'react';
import { useHistoryState } from 'wouter/use-browser-location';
import { SessionCreatePage } from '../features/sessions/form/session-create-page';
import { lenient } from '../schemas/wire';
import { usePlace } from './routes';

export function SessionCreateRoute() {
  const place = usePlace();
  // A clone arrives as history state from the session page (so it is not in the URL).
  const historyState = useHistoryState<{
    clone?: unknown;
    cloneLeftOut?: unknown;
    template?: unknown;
  } | null>();
  const clone = useMemo(() => {
    const parsed = lenient.Session.safeParse(historyState?.clone);
    if (!parsed.success || !parsed.data.name) return undefined;
    const leftOut = Array.isArray(historyState?.cloneLeftOut)
      ? historyState.cloneLeftOut.filter((s): s is string => typeof s === 'string')
      : [];
    return { session: parsed.data, leftOut };
  }, [historyState]);
  const template = typeof historyState?.template === 'string' ? historyState.template : undefined;
  return <SessionCreatePage place={place} clone={clone} template={template} />;
}
