import { useParams } from 'wouter';
import type { EstimateSlotProps } from '../components/config-form/estimate-slot';
import { CostEstimate } from '../features/costs/components/cost-estimate';

/** The costs feature's estimate for the forms' and template page's slot, priced in the URL's region. */
export function RegionCostEstimate(props: EstimateSlotProps) {
  const { location = '' } = useParams();
  return <CostEstimate {...props} region={location} />;
}
