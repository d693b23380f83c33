/**
 * The Dataproc wire's constants, apart from its schemas (src/schemas/wire.ts re-exports them):
 * the list route needs these and not zod (issue 19's budget for its JavaScript).
 */

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
export const ERROR_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.ErrorInfo';
export const HELP_TYPE_URL = 'type.googleapis.com/google.rpc.Help';

/**
 * This console server's own 401 under --require-auth: the ErrorInfo reason that tells it from the
 * upstream's, and where a browser signs in. The server sends it; the page recognises it.
 */
export const CONSOLE_SIGN_IN = { reason: 'CONSOLE_SIGN_IN_REQUIRED', path: '/console/sign-in' } as const;

/** What the service fills in when a session leaves it unset (the emulator does the same; README). */
export const SERVICE_DEFAULTS = { runtimeVersion: '2.3', idleTtl: '3600s', ttl: '86400s' } as const;
