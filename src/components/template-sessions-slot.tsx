import { createContext, useContext, type ReactNode } from 'react';
import type { Place } from '../schemas/names';
import type { Session, SessionTemplate } from '../schemas/wire';

export interface TemplateSessionsSlotProps {
  template: SessionTemplate;
  place: Place;
  /** The sessions found using the template so far, newest first (the template page's scan). */
  sessions: readonly Session[];
  /** The scan has ended (finished, stopped at its cap, or failed): no newer session will appear. */
  scanDone: boolean;
}

/**
 * Where the template page shows panels about the sessions made from it (the costs feature's
 * right-sizing over recent sessions). The templates feature may not import that feature, so the
 * app provides a render function here; without a provider nothing is shown.
 */
export const TemplateSessionsSlotContext = createContext<
  ((props: TemplateSessionsSlotProps) => ReactNode) | undefined
>(undefined);

export function TemplateSessionsSlot(props: TemplateSessionsSlotProps) {
  const render = useContext(TemplateSessionsSlotContext);
  return render ? render(props) : null;
}
