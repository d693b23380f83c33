import { z } from 'zod';
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
type ObjectBuilder = <S extends z.ZodRawShape>(shape: S) => z.ZodObject<S>;

const stringMap = z.record(z.string(), z.string());

function buildWireSchemas(object: ObjectBuilder) {
  const JupyterConfig = object({
    kernel: Kernel.optional(),
    displayName: z.string().optional(),
  });
  const SparkConnectConfig = object({});
  const RuntimeConfig = object({
    version: z.string().optional(),
    containerImage: z.string().optional(),
    properties: stringMap.optional(),
    repositoryConfig: object({
      pypiRepositoryConfig: object({ pypiRepository: z.string().optional() }).optional(),
    }).optional(),
    autotuningConfig: object({ scenarios: z.array(Scenario).optional() }).optional(),
    cohort: z.string().optional(),
  });
  const ExecutionConfig = object({
    serviceAccount: z.string().optional(),
    networkUri: z.string().optional(),
    subnetworkUri: z.string().optional(),
    networkTags: z.array(z.string()).optional(),
    kmsKey: z.string().optional(),
    idleTtl: z.string().optional(),
    ttl: z.string().optional(),
    stagingBucket: z.string().optional(),
    authenticationConfig: object({
      userWorkloadAuthenticationType: AuthenticationType.optional(),
    }).optional(),
    resourceManagerTags: stringMap.optional(),
  });
  const EnvironmentConfig = object({
    executionConfig: ExecutionConfig.optional(),
    peripheralsConfig: object({
      metastoreService: z.string().optional(),
      sparkHistoryServerConfig: object({ dataprocCluster: z.string().optional() }).optional(),
    }).optional(),
  });
  const int64 = z.string().regex(/^-?\d+$/, 'int64 values are decimal strings');
  const UsageMetrics = object({
    milliDcuSeconds: int64.optional(),
    shuffleStorageGbSeconds: int64.optional(),
    milliAcceleratorSeconds: int64.optional(),
    acceleratorType: z.string().optional(),
    milliAcceleratorSecondsA10040: int64.optional(),
    milliAcceleratorSecondsA10080: int64.optional(),
    milliAcceleratorSecondsL4: int64.optional(),
    updateTime: z.string().optional(),
  });
  const UsageSnapshot = object({
    milliDcu: int64.optional(),
    shuffleStorageGb: int64.optional(),
    milliDcuPremium: int64.optional(),
    shuffleStorageGbPremium: int64.optional(),
    milliAccelerator: int64.optional(),
    acceleratorType: z.string().optional(),
    milliAcceleratorA10040: int64.optional(),
    milliAcceleratorA10080: int64.optional(),
    milliAcceleratorL4: int64.optional(),
    snapshotTime: z.string().optional(),
  });
  const RuntimeInfo = object({
    endpoints: stringMap.optional(),
    outputUri: z.string().optional(),
    diagnosticOutputUri: z.string().optional(),
    approximateUsage: UsageMetrics.optional(),
    currentUsage: UsageSnapshot.optional(),
    cohortInfo: object({
      cohort: z.string().optional(),
      cohortSource: CohortSource.optional(),
    }).optional(),
    propertiesInfo: object({
      autotuningProperties: z
        .record(
          z.string(),
          object({
            annotation: z.string().optional(),
            overriddenValue: z.string().optional(),
            value: z.string().optional(),
          }),
        )
        .optional(),
    }).optional(),
  });
  const SessionStateHistory = object({
    state: SessionState.optional(),
    stateMessage: z.string().optional(),
    stateStartTime: z.string().optional(),
  });
  const Session = object({
    name: z.string().optional(),
    uuid: z.string().optional(),
    createTime: z.string().optional(),
    jupyterSession: JupyterConfig.optional(),
    sparkConnectSession: SparkConnectConfig.optional(),
    runtimeInfo: RuntimeInfo.optional(),
    state: SessionState.optional(),
    stateMessage: z.string().optional(),
    stateTime: z.string().optional(),
    creator: z.string().optional(),
    labels: stringMap.optional(),
    runtimeConfig: RuntimeConfig.optional(),
    environmentConfig: EnvironmentConfig.optional(),
    user: z.string().optional(),
    stateHistory: z.array(SessionStateHistory).optional(),
    sessionTemplate: z.string().optional(),
  });
  const SessionTemplate = object({
    name: z.string().optional(),
    description: z.string().optional(),
    createTime: z.string().optional(),
    jupyterSession: JupyterConfig.optional(),
    sparkConnectSession: SparkConnectConfig.optional(),
    creator: z.string().optional(),
    labels: stringMap.optional(),
    runtimeConfig: RuntimeConfig.optional(),
    environmentConfig: EnvironmentConfig.optional(),
    updateTime: z.string().optional(),
    uuid: z.string().optional(),
  });
  const Status = object({
    code: z.number().int().optional(),
    message: z.string().optional(),
    details: z.array(z.record(z.string(), z.unknown())).optional(),
  });
  const SessionOperationMetadata = object({
    '@type': z.string().optional(),
    session: z.string().optional(),
    sessionUuid: z.string().optional(),
    createTime: z.string().optional(),
    doneTime: z.string().optional(),
    operationType: OperationType.optional(),
    description: z.string().optional(),
    labels: stringMap.optional(),
    warnings: z.array(z.string()).optional(),
  });
  const Operation = object({
    name: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    done: z.boolean().optional(),
    error: Status.optional(),
    response: z.record(z.string(), z.unknown()).optional(),
  });
  const TerminateSessionRequest = object({ requestId: z.string().optional() });
  const ListSessionsResponse = object({
    sessions: z.array(Session).optional(),
    nextPageToken: z.string().optional(),
  });
  const ListSessionTemplatesResponse = object({
    sessionTemplates: z.array(SessionTemplate).optional(),
    nextPageToken: z.string().optional(),
  });
  const ListOperationsResponse = object({
    operations: z.array(Operation).optional(),
    nextPageToken: z.string().optional(),
    unreachable: z.array(z.string()).optional(),
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
  (shape) => z.strictObject(shape) as unknown as z.ZodObject<typeof shape>,
);

export type Session = z.output<typeof lenient.Session>;
export type SessionTemplate = z.output<typeof lenient.SessionTemplate>;
export type Operation = z.output<typeof lenient.Operation>;
export type SessionOperationMetadata = z.output<typeof lenient.SessionOperationMetadata>;
export type SessionStateHistory = z.output<typeof lenient.SessionStateHistory>;
export type RuntimeInfo = z.output<typeof lenient.RuntimeInfo>;
export type ListSessionsResponse = z.output<typeof lenient.ListSessionsResponse>;
export type ListSessionTemplatesResponse = z.output<typeof lenient.ListSessionTemplatesResponse>;

/** Fields the server fills; a client may send them and they are ignored (AIP-203). */
export const SESSION_OUTPUT_ONLY = [
  'uuid',
  'createTime',
  'runtimeInfo',
  'state',
  'stateMessage',
  'stateTime',
  'creator',
  'stateHistory',
] as const;
export const TEMPLATE_OUTPUT_ONLY = ['createTime', 'creator', 'updateTime', 'uuid'] as const;

export const SESSION_TYPE_URL = 'type.googleapis.com/google.cloud.dataproc.v1.Session';
export const METADATA_TYPE_URL = 'type.googleapis.com/google.cloud.dataproc.v1.SessionOperationMetadata';
export const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

export const FieldViolation = z.object({ field: z.string(), description: z.string() });
export type FieldViolation = z.infer<typeof FieldViolation>;

/** AIP-193 error envelope. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.number(),
    message: z.string(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ '@type': z.string().optional() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
