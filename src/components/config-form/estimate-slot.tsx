import { createContext, useContext, type ReactNode } from 'react';

export interface EstimateSlotProps {
  /** The Spark properties the estimate is made from (as the form or the template has them). */
  properties: Readonly<Record<string, string>>;
  /** The section's heading. */
  title: string;
}

/**
 * Where the forms and the template page show a cost estimate. The estimate belongs to a feature
 * (costs) that these components may not import, so the app provides a render function here; without a provider
 * nothing is shown.
 */
export const EstimateSlotContext = createContext<((props: EstimateSlotProps) => ReactNode) | undefined>(
  undefined,
);

export function EstimateSlot(props: EstimateSlotProps) {
  const render = useContext(EstimateSlotContext);
  return render ? render(props) : null;
}
