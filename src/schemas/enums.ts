import * as z from 'zod/mini';
import { SESSION_STATES, TERMINAL_STATES, TRANSITIONAL_STATES } from './session-states';

/**
 * Dataproc enums, in the order of their proto numbers. The JSON mapping sends names; Google's
 * generated REST transports ask for `enum-encoding=int` and send numbers, so each enum schema
 * accepts both and always yields the name.
 */
export function protoEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  numbers: readonly number[] = values.map((_, i) => i),
) {
  const byNumber = new Map(numbers.map((n, i) => [n, values[i]]));
  const names = z.enum(values);
  return Object.assign(
    z.pipe(
      z.union([names, z.int()]),
      z.transform((value: T[number] | number, ctx): T[number] => {
        if (typeof value === 'string') return value;
        const name = byNumber.get(value);
        if (name === undefined) {
          ctx.issues.push({ code: 'custom', message: `Invalid enum value ${value}`, input: value });
          return z.NEVER;
        }
        return name;
      }),
    ),
    { values, numberOf: new Map(values.map((v, i) => [v, numbers[i]!])) },
  );
}

export const SessionState = protoEnum(SESSION_STATES);
export type SessionState = z.output<typeof SessionState>;

export const Kernel = protoEnum(['KERNEL_UNSPECIFIED', 'PYTHON', 'SCALA'] as const);
export type Kernel = z.output<typeof Kernel>;

/** AutotuningConfig.Scenario has no value 1. */
export const Scenario = protoEnum(
  ['SCENARIO_UNSPECIFIED', 'SCALING', 'BROADCAST_HASH_JOIN', 'MEMORY', 'NONE', 'AUTO'] as const,
  [0, 2, 3, 4, 5, 6],
);
export type Scenario = z.output<typeof Scenario>;

export const AuthenticationType = protoEnum([
  'AUTHENTICATION_TYPE_UNSPECIFIED',
  'SERVICE_ACCOUNT',
  'END_USER_CREDENTIALS',
] as const);
export type AuthenticationType = z.output<typeof AuthenticationType>;

export const CohortSource = protoEnum(['COHORT_SOURCE_UNSPECIFIED', 'USER_PROVIDED', 'AIRFLOW'] as const);

export const OperationType = protoEnum([
  'SESSION_OPERATION_TYPE_UNSPECIFIED',
  'CREATE',
  'TERMINATE',
  'DELETE',
] as const);
export type OperationType = z.output<typeof OperationType>;

/** JSON field name → enum, for turning names into numbers when a client asks for int enums. */
export const enumFields: Record<string, { numberOf: Map<string, number> }> = {
  state: SessionState,
  kernel: Kernel,
  scenarios: Scenario,
  userWorkloadAuthenticationType: AuthenticationType,
  cohortSource: CohortSource,
  operationType: OperationType,
};

export { TERMINAL_STATES, TRANSITIONAL_STATES };
