import * as z from 'zod/mini';
import { AuthenticationType, CohortSource, Kernel, OperationType, Scenario, SessionState } from './enums';

/**
 * The Dataproc v1 wire types (discovery revision 20260820), built twice from one definition:
 * - `lenient`: unknown fields are dropped. The console parses responses with it, so a field the
 *   real API adds later never breaks a screen.
 * - `strict`: unknown fields are an error. The emulator parses request bodies with it, as Google's
 *   front end rejects `Unknown name "x"`.
 * Field rules (ID formats, label limits, TTL ranges) live in `rules.ts`, not here, so that a
 * response the real API sends is never refused for a rule the console only enforces on input.
 */
type ObjectBuilder = <S extends z.core.$ZodShape>(shape: S) => z.ZodMiniObject<S>;

const stringMap = z.record(z.string(), z.string());

function buildWireSchemas(object: ObjectBuilder) {
  const JupyterConfig = object({
    kernel: z.optional(Kernel),
    displayName: z.optional(z.string()),
  });
  const SparkConnectConfig = object({});
  const RuntimeConfig = object({
    version: z.optional(z.string()),
    containerImage: z.optional(z.string()),
    properties: z.optional(stringMap),
    repositoryConfig: z.optional(
      object({
        pypiRepositoryConfig: z.optional(object({ pypiRepository: z.optional(z.string()) })),
      }),
    ),
    autotuningConfig: z.optional(object({ scenarios: z.optional(z.array(Scenario)) })),
    cohort: z.optional(z.string()),
  });
  const ExecutionConfig = object({
    serviceAccount: z.optional(z.string()),
    networkUri: z.optional(z.string()),
    subnetworkUri: z.optional(z.string()),
    networkTags: z.optional(z.array(z.string())),
    kmsKey: z.optional(z.string()),
    idleTtl: z.optional(z.string()),
    ttl: z.optional(z.string()),
    stagingBucket: z.optional(z.string()),
    authenticationConfig: z.optional(
      object({
        userWorkloadAuthenticationType: z.optional(AuthenticationType),
      }),
    ),
    resourceManagerTags: z.optional(stringMap),
  });
  const EnvironmentConfig = object({
    executionConfig: z.optional(ExecutionConfig),
    peripheralsConfig: z.optional(
      object({
        metastoreService: z.optional(z.string()),
        sparkHistoryServerConfig: z.optional(object({ dataprocCluster: z.optional(z.string()) })),
      }),
    ),
  });
  const int64 = z.string().check(z.regex(/^-?\d+$/, 'int64 values are decimal strings'));
  const UsageMetrics = object({
    milliDcuSeconds: z.optional(int64),
    shuffleStorageGbSeconds: z.optional(int64),
    milliAcceleratorSeconds: z.optional(int64),
    acceleratorType: z.optional(z.string()),
    milliAcceleratorSecondsA10040: z.optional(int64),
    milliAcceleratorSecondsA10080: z.optional(int64),
    milliAcceleratorSecondsL4: z.optional(int64),
    updateTime: z.optional(z.string()),
  });
  const UsageSnapshot = object({
    milliDcu: z.optional(int64),
    shuffleStorageGb: z.optional(int64),
    milliDcuPremium: z.optional(int64),
    shuffleStorageGbPremium: z.optional(int64),
    milliAccelerator: z.optional(int64),
    acceleratorType: z.optional(z.string()),
    milliAcceleratorA10040: z.optional(int64),
    milliAcceleratorA10080: z.optional(int64),
    milliAcceleratorL4: z.optional(int64),
    snapshotTime: z.optional(z.string()),
  });
  const RuntimeInfo = object({
    endpoints: z.optional(stringMap),
    outputUri: z.optional(z.string()),
    diagnosticOutputUri: z.optional(z.string()),
    approximateUsage: z.optional(UsageMetrics),
    currentUsage: z.optional(UsageSnapshot),
    cohortInfo: z.optional(
      object({
        cohort: z.optional(z.string()),
        cohortSource: z.optional(CohortSource),
      }),
    ),
    propertiesInfo: z.optional(
      object({
        autotuningProperties: z.optional(
          z.record(
            z.string(),
            object({
              annotation: z.optional(z.string()),
              overriddenValue: z.optional(z.string()),
              value: z.optional(z.string()),
            }),
          ),
        ),
      }),
    ),
  });
  const SessionStateHistory = object({
    state: z.optional(SessionState),
    stateMessage: z.optional(z.string()),
    stateStartTime: z.optional(z.string()),
  });
  const Session = object({
    name: z.optional(z.string()),
    uuid: z.optional(z.string()),
    createTime: z.optional(z.string()),
    jupyterSession: z.optional(JupyterConfig),
    sparkConnectSession: z.optional(SparkConnectConfig),
    runtimeInfo: z.optional(RuntimeInfo),
    state: z.optional(SessionState),
    stateMessage: z.optional(z.string()),
    stateTime: z.optional(z.string()),
    creator: z.optional(z.string()),
    labels: z.optional(stringMap),
    runtimeConfig: z.optional(RuntimeConfig),
    environmentConfig: z.optional(EnvironmentConfig),
    user: z.optional(z.string()),
    stateHistory: z.optional(z.array(SessionStateHistory)),
    sessionTemplate: z.optional(z.string()),
  });
  const SessionTemplate = object({
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    createTime: z.optional(z.string()),
    jupyterSession: z.optional(JupyterConfig),
    sparkConnectSession: z.optional(SparkConnectConfig),
    creator: z.optional(z.string()),
    labels: z.optional(stringMap),
    runtimeConfig: z.optional(RuntimeConfig),
    environmentConfig: z.optional(EnvironmentConfig),
    updateTime: z.optional(z.string()),
    uuid: z.optional(z.string()),
  });
  const Status = object({
    code: z.optional(z.int()),
    message: z.optional(z.string()),
    details: z.optional(z.array(z.record(z.string(), z.unknown()))),
  });
  const SessionOperationMetadata = object({
    '@type': z.optional(z.string()),
    session: z.optional(z.string()),
    sessionUuid: z.optional(z.string()),
    createTime: z.optional(z.string()),
    doneTime: z.optional(z.string()),
    operationType: z.optional(OperationType),
    description: z.optional(z.string()),
    labels: z.optional(stringMap),
    warnings: z.optional(z.array(z.string())),
  });
  const Operation = object({
    name: z.optional(z.string()),
    metadata: z.optional(z.record(z.string(), z.unknown())),
    done: z.optional(z.boolean()),
    error: z.optional(Status),
    response: z.optional(z.record(z.string(), z.unknown())),
  });
  const TerminateSessionRequest = object({ requestId: z.optional(z.string()) });
  const ListSessionsResponse = object({
    sessions: z.optional(z.array(Session)),
    nextPageToken: z.optional(z.string()),
  });
  const ListSessionTemplatesResponse = object({
    sessionTemplates: z.optional(z.array(SessionTemplate)),
    nextPageToken: z.optional(z.string()),
  });
  const ListOperationsResponse = object({
    operations: z.optional(z.array(Operation)),
    nextPageToken: z.optional(z.string()),
    unreachable: z.optional(z.array(z.string())),
  });
  return {
    JupyterConfig,
    SparkConnectConfig,
    RuntimeConfig,
    ExecutionConfig,
    EnvironmentConfig,
    UsageMetrics,
    UsageSnapshot,
    RuntimeInfo,
    SessionStateHistory,
    Session,
    SessionTemplate,
    Status,
    SessionOperationMetadata,
    Operation,
    TerminateSessionRequest,
    ListSessionsResponse,
    ListSessionTemplatesResponse,
    ListOperationsResponse,
  };
}

export const lenient = buildWireSchemas((shape) => z.object(shape));
// The cast only changes the unknown-key mode in the type; the inferred data types are identical.
export const strict = buildWireSchemas(
  (shape) => z.strictObject(shape) as unknown as z.ZodMiniObject<typeof shape>,
);

export type Session = z.output<typeof lenient.Session>;
export type SessionTemplate = z.output<typeof lenient.SessionTemplate>;
export type Operation = z.output<typeof lenient.Operation>;
export type SessionOperationMetadata = z.output<typeof lenient.SessionOperationMetadata>;
export type SessionStateHistory = z.output<typeof lenient.SessionStateHistory>;
export type RuntimeInfo = z.output<typeof lenient.RuntimeInfo>;
export type ListSessionsResponse = z.output<typeof lenient.ListSessionsResponse>;
export type ListSessionTemplatesResponse = z.output<typeof lenient.ListSessionTemplatesResponse>;

// The wire's constants live apart, so code that needs only them loads no schema library.
export * from './wire-constants';

export const FieldViolation = z.object({ field: z.string(), description: z.string() });
export type FieldViolation = z.infer<typeof FieldViolation>;

export const ErrorDetail = z.looseObject({ '@type': z.optional(z.string()) });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** AIP-193 error envelope. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.number(),
    message: z.string(),
    status: z.optional(z.string()),
    details: z.optional(z.array(ErrorDetail)),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
