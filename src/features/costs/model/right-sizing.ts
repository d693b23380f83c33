import {
  containerDcu,
  executorScale,
  roleSize,
  type Role,
  type RoleSize,
  type SparkProperties,
} from '../../../lib/cost';
import { int64, money, num, type Tier } from '../../../lib/cost/numbers';
import type { ResolvedPrices } from '../../../schemas/prices';
import type { ExecutorSummary } from '../../../schemas/spark';

export type RightSizingRule = 'unused-memory' | 'memory-above-8gb-per-vcpu' | 'executors-without-tasks';

export interface RightSizingSuggestion {
  rule: RightSizingRule;
  property: string;
  currentValue: string;
  newValue: string;
  /** Money per hour the change would save at the session's current executor count. */
  savedPerHour: number;
  currency: string;
  /** The numbers it came from, for display. */
  evidence: string;
}

/** A rule that had its metric for a property, whether or not it found something to change. */
export interface RightSizingJudgement {
  rule: RightSizingRule;
  property: string;
}

export interface RightSizingResult {
  suggestions: RightSizingSuggestion[];
  /** Why a rule made no suggestion for lack of a metric (never a guess instead). */
  missingMetrics: string[];
  /** Every rule and property judged on its metric (the template view needs to know who had a say). */
  judged: RightSizingJudgement[];
}

export interface RightSizingInput {
  properties: SparkProperties;
  /** From the Spark executors API (`searchExecutors`), active and removed. */
  executors: readonly ExecutorSummary[];
  prices: ResolvedPrices;
  now: number;
  tier?: Tier;
}

/** Suggest less memory only when the peak used is below this share of what was asked for. */
export const UNUSED_MEMORY_SHARE = 0.5;
/** Headroom above the observed peak for the suggested heap. */
export const PEAK_HEADROOM = 1.5;
const MIB = 1024 * 1024;
/** An executor younger than this may simply not have been given a task yet. */
export const NEW_EXECUTOR_GRACE_MS = 5 * 60_000;

const isDriver = (e: ExecutorSummary) => e.executorId === 'driver';

function peakHeapBytes(e: ExecutorSummary): number | undefined {
  const metrics = e.peakMemoryMetrics?.metrics;
  if (!metrics || !Object.hasOwn(metrics, 'JVMHeapMemory')) return undefined;
  return int64(metrics.JVMHeapMemory);
}

function sizeWithMemory(properties: SparkProperties, role: Role, memoryMib: number): RoleSize {
  return roleSize({ ...properties, [`spark.${role}.memory`]: `${memoryMib}m` }, role);
}

/**
 * Right-sizing rules over a session's executors and its Spark properties. Each suggestion names
 * the property and the new value, the money per hour it saves, and the numbers behind it.
 */
export function rightSize({
  properties,
  executors,
  prices,
  now,
  tier = 'premium',
}: RightSizingInput): RightSizingResult {
  const price = prices.dcuHour[tier];
  const currency = prices.currency;
  const suggestions: RightSizingSuggestion[] = [];
  const missingMetrics: string[] = [];
  const judged: RightSizingJudgement[] = [];
  const workers = executors.filter((e) => !isDriver(e));
  const activeWorkers = workers.filter((e) => e.isActive !== false && !e.removeTime);
  const scale = executorScale(properties);
  const countOf = (role: Role) => (role === 'driver' ? 1 : activeWorkers.length || scale.min);

  // 1. Memory asked for but never used: the peak JVM heap against spark.<role>.memory.
  for (const role of ['driver', 'executor'] as const) {
    const group =
      role === 'driver' ? executors.filter(isDriver) : workers.filter((e) => (e.totalTasks ?? 0) > 0);
    if (!group.length) continue;
    const peaks = group.map((e) => ({ id: e.executorId ?? '?', peak: peakHeapBytes(e) }));
    if (peaks.some((p) => p.peak === undefined)) {
      missingMetrics.push(
        `spark.${role}.memory: no peakMemoryMetrics.JVMHeapMemory for ${
          role === 'driver'
            ? 'the driver'
            : `executor(s) ${peaks
                .filter((p) => p.peak === undefined)
                .map((p) => p.id)
                .join(', ')}`
        }`,
      );
      continue;
    }
    judged.push({ rule: 'unused-memory', property: `spark.${role}.memory` });
    const top = peaks.reduce((a, b) => (b.peak! > a.peak! ? b : a));
    const current = roleSize(properties, role);
    const peakMib = top.peak! / MIB;
    if (peakMib >= current.memoryMib * UNUSED_MEMORY_SHARE) continue;
    const newMib = Math.max(1024, Math.ceil((peakMib * PEAK_HEADROOM) / 512) * 512);
    if (newMib >= current.memoryMib) continue;
    const smaller = sizeWithMemory(properties, role, newMib);
    const count = countOf(role);
    const saved = (current.dcu.dcu - smaller.dcu.dcu) * count * price;
    if (saved <= 0) continue;
    suggestions.push({
      rule: 'unused-memory',
      property: `spark.${role}.memory`,
      currentValue: `${num(current.memoryMib)}m`,
      newValue: `${newMib}m`,
      savedPerHour: saved,
      currency,
      evidence: `peak JVM heap ${num(peakMib)} MiB (${role === 'driver' ? 'driver' : `executor ${top.id}, the highest of ${group.length} that ran tasks`}) against ${num(
        current.memoryMib,
      )} MiB asked for; ${newMib} MiB is the peak × ${PEAK_HEADROOM} rounded up to 512 MiB: ${num(current.dcu.dcu, 2)} → ${num(
        smaller.dcu.dcu,
        2,
      )} DCU × ${count} × ${num(price, 4)} ${currency}/DCU-hour = ${money(saved, currency)}/h`,
    });
  }

  // 2. Memory above 8 GB per vCPU is counted at 0.2 DCU per GB instead of 0.1: more cores can cost less.
  for (const role of ['driver', 'executor'] as const) {
    const current = roleSize(properties, role);
    judged.push({ rule: 'memory-above-8gb-per-vcpu', property: `spark.${role}.cores` });
    if (current.dcu.memoryGbAbove8PerVcpu <= 0) continue;
    const cores = Math.ceil(current.containerMemoryGb / 8);
    const wider = containerDcu(cores, current.containerMemoryGb);
    const count = countOf(role);
    const saved = (current.dcu.dcu - wider.dcu) * count * price;
    if (saved <= 0) continue;
    suggestions.push({
      rule: 'memory-above-8gb-per-vcpu',
      property: `spark.${role}.cores`,
      currentValue: String(current.cores),
      newValue: String(cores),
      savedPerHour: saved,
      currency,
      evidence: `${num(current.containerMemoryGb, 2)} GB per container on ${current.cores} vCPU: ${num(
        current.dcu.memoryGbAbove8PerVcpu,
        2,
      )} GB above 8 GB per vCPU count 0.2 DCU each; with ${cores} vCPU all count 0.1: ${num(current.dcu.dcu, 2)} → ${num(
        wider.dcu,
        2,
      )} DCU × ${count} × ${num(price, 4)} ${currency}/DCU-hour = ${money(saved, currency)}/h`,
    });
  }

  // 3. Executors that never ran a task (given time to get one).
  const withTaskCounts = activeWorkers.filter((e) => e.totalTasks !== undefined);
  if (activeWorkers.length && withTaskCounts.length < activeWorkers.length)
    missingMetrics.push('executors without tasks: totalTasks missing for some active executors');
  const executorsProperty = scale.dynamicAllocation
    ? 'spark.dynamicAllocation.minExecutors'
    : 'spark.executor.instances';
  if (activeWorkers.length && withTaskCounts.length === activeWorkers.length)
    judged.push({ rule: 'executors-without-tasks', property: executorsProperty });
  const unused = withTaskCounts.filter((e) => {
    const added = e.addTime ? Date.parse(e.addTime) : NaN;
    return e.totalTasks === 0 && Number.isFinite(added) && now - added >= NEW_EXECUTOR_GRACE_MS;
  });
  if (unused.length) {
    const executor = roleSize(properties, 'executor');
    const property = executorsProperty;
    const currentCount = scale.dynamicAllocation ? scale.min : scale.max;
    const newCount = Math.max(0, currentCount - unused.length);
    const removed = currentCount - newCount;
    if (removed > 0) {
      const saved = removed * executor.dcu.dcu * price;
      suggestions.push({
        rule: 'executors-without-tasks',
        property,
        currentValue: String(currentCount),
        newValue: String(newCount),
        savedPerHour: saved,
        currency,
        evidence: `executor(s) ${unused.map((e) => e.executorId ?? '?').join(', ')} ran 0 tasks (totalTasks) in at least ${
          NEW_EXECUTOR_GRACE_MS / 60_000
        } min since added; ${removed} × ${num(executor.dcu.dcu, 2)} DCU × ${num(price, 4)} ${currency}/DCU-hour = ${money(saved, currency)}/h`,
      });
    }
  }
  return {
    suggestions: suggestions.sort((a, b) => b.savedPerHour - a.savedPerHour),
    missingMetrics,
    judged,
  };
}
