import { ApiError, apiRequest } from '../api-client';
import { collectionName } from '../../schemas/names';
import type { Operation, Session } from '../../schemas/wire';
import { wireSchemas } from './wire-schemas';

/**
 * The calls that change sessions and follow their operations (src/lib/api/sessions-api.ts has the
 * reads): apart, so the list's first JavaScript carries only what it reads with.
 */

export function createSession(
  parent: string,
  sessionId: string,
  requestId: string,
  session: Session,
  signal?: AbortSignal,
) {
  return apiRequest(collectionName(parent, 'sessions'), {
    method: 'POST',
    query: { sessionId, requestId },
    body: session,
    signal,
    schema: wireSchemas().then((w) => w.Operation),
  });
}

export function terminateSession(name: string, requestId: string, signal?: AbortSignal) {
  return apiRequest(`${name}:terminate`, {
    method: 'POST',
    body: { requestId },
    signal,
    schema: wireSchemas().then((w) => w.Operation),
  });
}

export function deleteSession(name: string, requestId: string, signal?: AbortSignal) {
  return apiRequest(name, {
    method: 'DELETE',
    query: { requestId },
    signal,
    schema: wireSchemas().then((w) => w.Operation),
  });
}

export function getOperation(name: string, signal?: AbortSignal) {
  return apiRequest(name, { signal, schema: wireSchemas().then((w) => w.Operation) });
}

const RPC_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * Polls an operation by the name the server returned until it is done. A failed operation
 * becomes an ApiError with the operation's own message. Transient poll failures are tolerated.
 */
export async function waitForOperation(
  operation: Operation,
  signal?: AbortSignal,
  intervalMs = 500,
): Promise<Operation> {
  let current = operation;
  let delay = intervalMs;
  let transientFailures = 0;
  while (!current.done) {
    await sleep(delay, signal);
    delay = Math.min(delay * 1.5, 5000);
    try {
      current = await getOperation(current.name!, signal);
      transientFailures = 0;
    } catch (error) {
      if (error instanceof ApiError && error.isTransient && ++transientFailures < 5) continue;
      throw error;
    }
  }
  if (current.error) {
    const code = current.error.code ?? 2;
    throw new ApiError(200, RPC_NAMES[code] ?? 'UNKNOWN', current.error.message ?? 'The operation failed.');
  }
  return current;
}

/** The Session an operation finished with, when it carries one. */
export async function sessionOf(operation: Operation): Promise<Session | undefined> {
  const parsed = (await wireSchemas()).Session.safeParse(operation.response ?? {});
  return parsed.success ? parsed.data : undefined;
}
