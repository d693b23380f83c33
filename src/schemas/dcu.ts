/**
 * Shared with the emulator (its usage figures are computed with these rules), hence in src/schemas.
 *
 * Data Compute Units (DCU) of Serverless for Apache Spark, from the pricing page: each vCPU counts
 * 0.6 DCU; each GB of RAM counts 0.1 DCU up to 8 GB per vCPU and 0.2 DCU above that. Driver,
 * executors, memory overhead and system memory all count. Memory here is in GiB, as the page's
 * own example does (4 vCPU + 16 GB = 2.4 + 1.6 = 4 DCU).
 */

import { num } from './plain-number';

export { num };
const round = num;

export const DCU_PER_VCPU = 0.6;
export const DCU_PER_GB_UP_TO_8_PER_VCPU = 0.1;
export const DCU_PER_GB_ABOVE_8_PER_VCPU = 0.2;
export const GB_PER_VCPU_AT_BASE_RATE = 8;

export interface ContainerDcu {
  dcu: number;
  vcpus: number;
  memoryGb: number;
  /** GB counted at 0.2 DCU because they are above 8 GB per vCPU. */
  memoryGbAbove8PerVcpu: number;
}

/** DCU of one VM/container of `vcpus` and `memoryGb` (GiB) of RAM. */
export function containerDcu(vcpus: number, memoryGb: number): ContainerDcu {
  const baseGb = Math.min(memoryGb, GB_PER_VCPU_AT_BASE_RATE * vcpus);
  const above = Math.max(0, memoryGb - baseGb);
  return {
    dcu: DCU_PER_VCPU * vcpus + DCU_PER_GB_UP_TO_8_PER_VCPU * baseGb + DCU_PER_GB_ABOVE_8_PER_VCPU * above,
    vcpus,
    memoryGb,
    memoryGbAbove8PerVcpu: above,
  };
}

const UNIT_MIB: Record<string, number> = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024, p: 1024 ** 3 };

/**
 * A JVM memory size (`512m`, `4g`, `2gb`) in MiB; a bare number is MiB, as Spark reads
 * `spark.{driver,executor}.memory` and `memoryOverhead`. `undefined` when it is not a size.
 */
export function parseSizeMib(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+)\s*([kmgtp])?b?\s*$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MIB[(match[2] ?? 'm').toLowerCase()]!;
}

export const MIN_MEMORY_OVERHEAD_MIB = 384;
export const DEFAULT_MEMORY_OVERHEAD_FACTOR = 0.1;

export type Role = 'driver' | 'executor';
export type SparkProperties = Readonly<Record<string, string>>;

/** Reads a property only if it is the object's own (property names are user data). */
function prop(properties: SparkProperties, key: string): string | undefined {
  return Object.hasOwn(properties, key) ? properties[key] : undefined;
}

export interface MemoryOverhead {
  mib: number;
  /** How it was decided, for display. */
  rule: string;
}

/**
 * Spark's memory overhead: `spark.<role>.memoryOverhead` when set, otherwise
 * max(384 MiB, `spark.<role>.memoryOverheadFactor` (default 0.10) × memory).
 */
export function memoryOverhead(properties: SparkProperties, role: Role, memoryMib: number): MemoryOverhead {
  const explicit = parseSizeMib(prop(properties, `spark.${role}.memoryOverhead`));
  if (explicit !== undefined)
    return { mib: explicit, rule: `spark.${role}.memoryOverhead = ${explicit} MiB` };
  const factorText = prop(properties, `spark.${role}.memoryOverheadFactor`);
  const parsed = factorText === undefined ? NaN : Number(factorText);
  const factor = Number.isFinite(parsed) && parsed >= 0 ? parsed : DEFAULT_MEMORY_OVERHEAD_FACTOR;
  const fromFactor = factor * memoryMib;
  return fromFactor >= MIN_MEMORY_OVERHEAD_MIB
    ? { mib: fromFactor, rule: `${factor} × ${round(memoryMib)} MiB` }
    : {
        mib: MIN_MEMORY_OVERHEAD_MIB,
        rule: `the 384 MiB minimum (${factor} × ${round(memoryMib)} MiB is less)`,
      };
}

/**
 * Defaults of Serverless for Apache Spark when a property is not set (its Spark properties page):
 * 4 cores and 12200m for driver and executors, 2 executors, dynamic allocation on with 2 initial
 * and minimum executors and at most 1000.
 */
export const SERVERLESS_DEFAULTS = {
  cores: 4,
  memoryMib: 12200,
  executorInstances: 2,
  dynamicAllocation: true,
  minExecutors: 2,
  initialExecutors: 2,
  maxExecutors: 1000,
} as const;

/**
 * Memory a container has beyond Spark's heap, overhead and PySpark memory. Google does not publish
 * it; we take it as the rest of the documented default container (4 vCPU, 16 GB) after the default
 * 12200 MiB + 10 % overhead, so that the default session comes out at the documented 12 DCU:
 * 16384 − 13420 = 2964 MiB.
 */
export const SYSTEM_MEMORY_MIB = 16 * 1024 - Math.round(SERVERLESS_DEFAULTS.memoryMib * 1.1);

export interface RoleSize {
  role: Role;
  cores: number;
  memoryMib: number;
  overhead: MemoryOverhead;
  pysparkMemoryMib: number;
  systemMemoryMib: number;
  containerMemoryGb: number;
  dcu: ContainerDcu;
  /** Property values that could not be read and were replaced by the default. */
  ignored: string[];
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

/** The size and DCU of the driver or of one executor, from the session's Spark properties. */
export function roleSize(properties: SparkProperties, role: Role): RoleSize {
  const ignored: string[] = [];
  const coresText = prop(properties, `spark.${role}.cores`);
  let cores = positiveInteger(coresText);
  if (cores === undefined || cores === 0) {
    if (coresText !== undefined) ignored.push(`spark.${role}.cores = "${coresText}"`);
    cores = SERVERLESS_DEFAULTS.cores;
  }
  const memoryText = prop(properties, `spark.${role}.memory`);
  let memoryMib = parseSizeMib(memoryText);
  if (memoryMib === undefined) {
    if (memoryText !== undefined) ignored.push(`spark.${role}.memory = "${memoryText}"`);
    memoryMib = SERVERLESS_DEFAULTS.memoryMib;
  }
  const overhead = memoryOverhead(properties, role, memoryMib);
  const pysparkMemoryMib =
    role === 'executor' ? (parseSizeMib(prop(properties, 'spark.executor.pyspark.memory')) ?? 0) : 0;
  const containerMemoryGb = (memoryMib + overhead.mib + pysparkMemoryMib + SYSTEM_MEMORY_MIB) / 1024;
  return {
    role,
    cores,
    memoryMib,
    overhead,
    pysparkMemoryMib,
    systemMemoryMib: SYSTEM_MEMORY_MIB,
    containerMemoryGb,
    dcu: containerDcu(cores, containerMemoryGb),
    ignored,
  };
}

export interface ExecutorScale {
  dynamicAllocation: boolean;
  min: number;
  initial: number;
  max: number;
  /** Where each bound came from, for display. */
  rule: string;
}

/** How many executors the session runs at least, at start and at most. */
export function executorScale(properties: SparkProperties): ExecutorScale {
  const enabledText = prop(properties, 'spark.dynamicAllocation.enabled')?.trim().toLowerCase();
  const dynamic = enabledText === undefined ? SERVERLESS_DEFAULTS.dynamicAllocation : enabledText === 'true';
  const instances = positiveInteger(prop(properties, 'spark.executor.instances'));
  if (!dynamic) {
    const count = instances ?? SERVERLESS_DEFAULTS.executorInstances;
    return {
      dynamicAllocation: false,
      min: count,
      initial: count,
      max: count,
      rule: `dynamic allocation off: spark.executor.instances = ${count}`,
    };
  }
  const min =
    positiveInteger(prop(properties, 'spark.dynamicAllocation.minExecutors')) ??
    SERVERLESS_DEFAULTS.minExecutors;
  const maxSet = positiveInteger(prop(properties, 'spark.dynamicAllocation.maxExecutors'));
  const max = Math.max(min, maxSet ?? SERVERLESS_DEFAULTS.maxExecutors);
  const initialSet = positiveInteger(prop(properties, 'spark.dynamicAllocation.initialExecutors'));
  // Spark starts with the largest of initialExecutors, minExecutors and executor.instances.
  const initial = Math.min(
    max,
    Math.max(min, initialSet ?? SERVERLESS_DEFAULTS.initialExecutors, instances ?? 0),
  );
  return {
    dynamicAllocation: true,
    min,
    initial,
    max,
    rule: `dynamic allocation on: ${min} to ${max} executors (minExecutors, maxExecutors), ${initial} at start`,
  };
}
