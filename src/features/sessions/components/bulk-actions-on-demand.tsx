import { useState } from 'react';
import { onDemandPart } from '../../../lib/lazy-component';
import type { Session } from '../../../schemas/wire';

const BulkActionsPart = onDemandPart(() => import('./bulk-actions').then((m) => m.BulkActions));

/**
 * The bulk actions (src/features/sessions/components/bulk-actions.tsx), mounted with the first
 * selection and kept mounted after (their outcome line outlives the selection). Until then they
 * render nothing, so a list nobody selects in neither loads their code (and the terminate and
 * delete mutations) nor runs their hooks on each render (issue 19).
 */
export function BulkActionsOnDemand(props: { selected: Session[]; onDone: (names: string[]) => void }) {
  const [used, setUsed] = useState(false);
  // Derived from the props while rendering (React's pattern for state that follows a prop).
  if (!used && props.selected.length > 0) setUsed(true);
  return used ? <BulkActionsPart {...props} /> : null;
}
