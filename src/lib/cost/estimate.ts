import type { ResolvedPrices } from '../../schemas/prices';
import { executorScale, roleSize, type ExecutorScale, type RoleSize, type SparkProperties } from './dcu';
import { num, type Tier } from './numbers';

export interface ScalePoint {
  executors: number;
  dcu: number;
  /** Money per hour at this scale, in `currency`. */
  perHour: number;
}

export interface SessionEstimate {
  driver: RoleSize;
  executor: RoleSize;
  scale: ExecutorScale;
  tier: Tier;
  currency: string;
  /** Price per DCU-hour used. */
  dcuHourPrice: number;
  minimum: ScalePoint;
  initial: ScalePoint;
  maximum: ScalePoint;
  /** The formula in words, with the numbers, for display under the figures. */
  formula: string[];
  /** Short "computed from" line: DCU × price, tier, where the price came from. */
  computedFrom: string;
  /** Property values that were not understood and were replaced by the service's default. */
  ignored: string[];
}

function describeRole(size: RoleSize): string {
  const memory = `${num(size.memoryMib)} MiB memory + ${num(size.overhead.mib)} MiB overhead (${size.overhead.rule})${
    size.pysparkMemoryMib ? ` + ${num(size.pysparkMemoryMib)} MiB PySpark memory` : ''
  } + ${num(size.systemMemoryMib)} MiB system = ${num(size.containerMemoryGb, 2)} GB`;
  const above = size.dcu.memoryGbAbove8PerVcpu;
  const dcu = above
    ? `0.6 × ${size.cores} vCPU + 0.1 × ${num(size.containerMemoryGb - above, 2)} GB + 0.2 × ${num(above, 2)} GB above 8 GB per vCPU`
    : `0.6 × ${size.cores} vCPU + 0.1 × ${num(size.containerMemoryGb, 2)} GB`;
  return `${size.role === 'driver' ? 'Driver' : 'Each executor'}: ${memory}; ${dcu} = ${num(size.dcu.dcu, 2)} DCU`;
}

/**
 * What a session configured with `properties` costs per hour at its minimum, initial and maximum
 * scale, before it runs. Interactive sessions bill at the premium tier.
 */
export function estimateFromProperties(
  properties: SparkProperties,
  prices: ResolvedPrices,
  tier: Tier = 'premium',
): SessionEstimate {
  const driver = roleSize(properties, 'driver');
  const executor = roleSize(properties, 'executor');
  const scale = executorScale(properties);
  const dcuHourPrice = prices.dcuHour[tier];
  const at = (executors: number): ScalePoint => {
    const dcu = driver.dcu.dcu + executors * executor.dcu.dcu;
    return { executors, dcu, perHour: dcu * dcuHourPrice };
  };
  const priceWords = `${num(dcuHourPrice, 4)} ${prices.currency} per DCU-hour (${tier}, ${prices.commitment}${
    prices.discountPercent ? `, ${prices.discountPercent} % off` : ''
  }, ${prices.region}${prices.basis === 'regional' ? '' : `, ${prices.basis}`})`;
  const minimum = at(scale.min);
  const maximum = at(scale.max);
  return {
    driver,
    executor,
    scale,
    tier,
    currency: prices.currency,
    dcuHourPrice,
    minimum,
    initial: at(scale.initial),
    maximum,
    formula: [
      describeRole(driver),
      describeRole(executor),
      `Executors: ${scale.rule}`,
      `Session DCU = driver + executors × executor DCU: ${num(minimum.dcu, 2)} DCU at ${scale.min}, ${num(maximum.dcu, 2)} DCU at ${scale.max}`,
      `Money per hour = DCU × ${priceWords}`,
    ],
    computedFrom: `${num(minimum.dcu, 2)}–${num(maximum.dcu, 2)} DCU × ${priceWords}`,
    ignored: [...driver.ignored, ...executor.ignored],
  };
}
