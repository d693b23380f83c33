import type * as z from 'zod/mini';
import { requestUrl, type RequestQuery } from '../schemas/request-url';
import type { ApiErrorBody, ErrorDetail, FieldViolation } from '../schemas/wire';
import { BAD_REQUEST_TYPE_URL } from '../schemas/wire-constants';

/**
 * Every failure of an API call, as one type: the HTTP status (0 when the server was not reached),
 * the rpc status name (`NOT_FOUND`, …), the server's own message and any field violations.
 */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly rpcStatus: string,
    message: string,
    readonly fieldViolations: FieldViolation[] = [],
    /** The envelope's other details (google.rpc.ErrorInfo, Help, …), as the server sent them. */
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get isNetwork(): boolean {
    return this.httpStatus === 0;
  }
  /** Worth retrying unchanged: the request may succeed later. */
  get isTransient(): boolean {
    return this.isNetwork || this.httpStatus === 429 || this.httpStatus >= 500;
  }
}

export interface RequestOptions<S extends z.ZodMiniType> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: RequestQuery;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The answer's schema, or its promise: the wire schemas (and zod) are loaded with the first
   * request that needs them, alongside it, so a page painted from server-rendered data loads
   * them only when it asks the API something (issue 19).
   */
  schema: S | Promise<S>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The AIP-193 envelope (`ApiErrorBody` in src/schemas/wire.ts), read by hand: every failed answer
 * goes through here, and the list route should not load zod to tell the user why.
 */
function errorBodyOf(payload: unknown): ApiErrorBody | undefined {
  if (!isRecord(payload) || !isRecord(payload.error)) return undefined;
  const { code, message, status, details } = payload.error;
  if (typeof code !== 'number' || typeof message !== 'string') return undefined;
  if (status !== undefined && typeof status !== 'string') return undefined;
  if (details !== undefined && !(Array.isArray(details) && details.every(isRecord))) return undefined;
  if (details?.some((d) => d['@type'] !== undefined && typeof d['@type'] !== 'string')) return undefined;
  return { error: { code, message, status, details: details as ErrorDetail[] | undefined } };
}

/** google.rpc.BadRequest's violations, when every one has a field and a description. */
function violationsOf(value: unknown): FieldViolation[] {
  if (!Array.isArray(value)) return [];
  const violations: FieldViolation[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.field !== 'string' || typeof item.description !== 'string') return [];
    violations.push({ field: item.field, description: item.description });
  }
  return violations;
}

function errorFrom(status: number, payload: unknown): ApiError {
  const body = errorBodyOf(payload);
  if (!body)
    return new ApiError(status, 'UNKNOWN', `The server answered HTTP ${status} without an error message.`);
  const { error } = body;
  const violations = (error.details ?? [])
    .filter((d) => d['@type'] === BAD_REQUEST_TYPE_URL)
    .flatMap((d) => violationsOf((d as { fieldViolations?: unknown }).fieldViolations));
  return new ApiError(
    error.code || status,
    error.status ?? 'UNKNOWN',
    error.message,
    violations,
    error.details,
  );
}

/** How a request reaches the console's server: the browser's fetch, or the server's own handler. */
export type ApiTransport = (url: string, init: RequestInit) => Promise<Response>;

let transport: ApiTransport = (url, init) => fetch(url, init);

/**
 * The server-side renderer (src/entry-server.tsx) answers the page's requests from the server's own
 * backend, in process: the same paths, the same answers, no network. Set once when it loads.
 */
export function setApiTransport(next: ApiTransport): void {
  transport = next;
}

/**
 * One fetch wrapper for every call, to the server that served the page and nowhere else: it holds
 * the credentials (the page never sees a token) and forwards `/v1` to the emulator or to Google.
 */
export async function apiRequest<S extends z.ZodMiniType>(
  path: string,
  options: RequestOptions<S>,
): Promise<z.output<S>> {
  return serverRequest(`/v1/${path}`, options);
}

/** A call to this console's server (`/v1/…` or its own `/console/…`), parsed with `schema`. */
export async function serverRequest<S extends z.ZodMiniType>(
  path: string,
  options: RequestOptions<S>,
): Promise<z.output<S>> {
  const url = requestUrl(path, options.query);
  let response: Response;
  let schema: S;
  try {
    [response, schema] = await Promise.all([
      transport(url, {
        method: options.method ?? 'GET',
        signal: options.signal,
        headers: options.body !== undefined ? { 'content-type': 'application/json' } : {},
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
      options.schema,
    ]);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(
      0,
      'NETWORK',
      `Cannot reach the console server at ${typeof window === 'undefined' ? 'its address' : window.location.origin}. Is it still running? Check your connection.`,
    );
  }
  return readAnswer(response.status, await response.text(), schema);
}

/**
 * An answer's status and body as data or an ApiError; also used for the first page the server
 * embeds in the HTML, so that answer is read exactly as a fetched one.
 */
export function readAnswer<S extends z.ZodMiniType>(status: number, text: string, schema: S): z.output<S> {
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(
      status,
      'BAD_RESPONSE',
      `The server answered HTTP ${status} with a body that is not JSON.`,
    );
  }
  if (status < 200 || status > 299) throw errorFrom(status, payload);
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new ApiError(
      status,
      'BAD_RESPONSE',
      `The response did not match the Dataproc schema: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

/** Reads are retried on 429, 5xx and network errors, three times with backoff. */
export function shouldRetry(failureCount: number, error: Error): boolean {
  return failureCount < 3 && error instanceof ApiError && error.isTransient;
}

export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000);
}

export { requestUrl };
