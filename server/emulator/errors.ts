import { BAD_REQUEST_TYPE_URL, type FieldViolation } from '../../src/schemas/wire';

/** google.rpc.Code names, their numbers and the HTTP status Google maps each to (code.proto). */
export const RPC_CODES = {
  OK: [0, 200],
  CANCELLED: [1, 499],
  UNKNOWN: [2, 500],
  INVALID_ARGUMENT: [3, 400],
  DEADLINE_EXCEEDED: [4, 504],
  NOT_FOUND: [5, 404],
  ALREADY_EXISTS: [6, 409],
  PERMISSION_DENIED: [7, 403],
  RESOURCE_EXHAUSTED: [8, 429],
  FAILED_PRECONDITION: [9, 400],
  ABORTED: [10, 409],
  OUT_OF_RANGE: [11, 400],
  UNIMPLEMENTED: [12, 501],
  INTERNAL: [13, 500],
  UNAVAILABLE: [14, 503],
  DATA_LOSS: [15, 500],
  UNAUTHENTICATED: [16, 401],
} as const;
export type RpcStatus = keyof typeof RPC_CODES;

/** The rpc status Google uses for an HTTP status, for faults injected by HTTP code. */
export function rpcStatusForHttp(http: number): RpcStatus {
  const preferred: Record<number, RpcStatus> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'ALREADY_EXISTS',
    429: 'RESOURCE_EXHAUSTED',
    499: 'CANCELLED',
    500: 'INTERNAL',
    501: 'UNIMPLEMENTED',
    503: 'UNAVAILABLE',
    504: 'DEADLINE_EXCEEDED',
  };
  return preferred[http] ?? (http >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION');
}

/** An error the API answers with, in the AIP-193 envelope. */
export class RpcError extends Error {
  constructor(
    readonly status: RpcStatus,
    message: string,
    readonly details: Record<string, unknown>[] = [],
    readonly httpOverride?: number,
  ) {
    super(message);
  }
  get http(): number {
    return this.httpOverride ?? RPC_CODES[this.status][1];
  }
  get code(): number {
    return RPC_CODES[this.status][0];
  }
  envelope() {
    return {
      error: {
        code: this.http,
        message: this.message,
        status: this.status,
        ...(this.details.length ? { details: this.details } : {}),
      },
    };
  }
  /** As google.rpc.Status inside a failed Operation: the rpc code number, not HTTP. */
  asStatus() {
    return {
      code: this.code,
      message: this.message,
      ...(this.details.length ? { details: this.details } : {}),
    };
  }
}

export function invalidArgument(violations: FieldViolation[]): RpcError {
  const message =
    violations.length === 1
      ? `Invalid value for ${violations[0]!.field}: ${violations[0]!.description}`
      : `Request contains ${violations.length} invalid fields: ${violations.map((v) => v.field).join(', ')}. ${violations[0]!.description}`;
  return new RpcError('INVALID_ARGUMENT', message, [
    { '@type': BAD_REQUEST_TYPE_URL, fieldViolations: violations },
  ]);
}

export function notFound(kind: string, name: string): RpcError {
  return new RpcError('NOT_FOUND', `Not found: ${kind} ${name}`);
}
