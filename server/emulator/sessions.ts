import { createHash, randomUUID } from 'node:crypto';
import { SessionState, TERMINAL_STATES, type OperationType } from '../../src/schemas/enums';
import {
  normalizeTemplateRef,
  parseDurationSeconds,
  requestIdProblem,
  sessionIdProblem,
  sessionViolations,
} from '../../src/schemas/rules';
import {
  SESSION_OUTPUT_ONLY,
  type Operation,
  type Session,
  type SessionStateHistory,
  type SessionTemplate,
} from '../../src/schemas/wire';
import { rfc3339, type Clock } from './clock';
import type { Db } from './database';
import { RpcError, invalidArgument, notFound } from './errors';
import { compileFilter, type FilterFields } from './filter';
import type { Operations } from './operations';
import { decodePageToken, encodePageToken, pageSizeFrom } from './paging';
import type { Templates } from './templates';

/** Runtime versions the emulator "supports"; any other version fails during start-up. */
export const SUPPORTED_RUNTIME_VERSIONS = ['1.2', '2.2', '2.3', '3.0'];
export const DEFAULT_RUNTIME_VERSION = '2.3';
const DEFAULT_IDLE_TTL = '3600s';
const DEFAULT_TTL = '86400s';
/** Emulated size of every session: 4 DCU and 25 GB of shuffle storage while running. */
const MILLI_DCU = 4000;
const SHUFFLE_GB = 25;

const SESSION_FILTER: FilterFields = {
  fields: {
    session_id: { column: 'session_id', kind: 'string' },
    session_uuid: { column: 'uuid', kind: 'string' },
    state: { column: 'state', kind: 'enum', values: SessionState.values },
    create_time: { column: 'create_time', kind: 'timestamp' },
  },
  labelsColumn: 'labels',
};

interface SessionRow {
  seq: number;
  name: string;
  state: string;
  create_time: string;
  body: string;
  next_event_at: number | null;
  active_since: number | null;
  fail_message: string | null;
  delete_when_terminated: number;
}

export interface SessionsOptions {
  db: Db;
  clock: Clock;
  operations: Operations;
  templates: Templates;
  /** How long CREATING and TERMINATING last. */
  transitionMs: number;
  creator: string;
}

export interface CreateRequest {
  parent: string;
  sessionId: string | undefined;
  requestId: string | undefined;
  session: Session;
}

/** Sessions and their lifecycle: CREATING → ACTIVE → TERMINATING → TERMINATED, or FAILED. */
export class Sessions {
  constructor(private readonly o: SessionsOptions) {}

  private get db() {
    return this.o.db;
  }

  private row(name: string): SessionRow | undefined {
    return this.db.prepare('SELECT * FROM sessions WHERE name = ?').get(name) as SessionRow | undefined;
  }

  private mustRow(name: string): SessionRow {
    const row = this.row(name);
    if (!row) throw notFound('Session', name);
    return row;
  }

  /** Returns the stored operation when this requestId was seen before for the same scope. */
  private replay(scope: string, requestId: string | undefined): Operation | undefined {
    if (!requestId) return undefined;
    const problem = requestIdProblem(requestId);
    if (problem) throw invalidArgument([{ field: 'requestId', description: problem }]);
    const seen = this.db
      .prepare('SELECT operation FROM request_ids WHERE scope = ? AND request_id = ?')
      .get(scope, requestId) as { operation: string } | undefined;
    return seen ? this.o.operations.get(seen.operation) : undefined;
  }

  private remember(scope: string, requestId: string | undefined, operation: Operation) {
    if (requestId)
      this.db
        .prepare('INSERT INTO request_ids (scope, request_id, operation) VALUES (?, ?, ?)')
        .run(scope, requestId, operation.name);
  }

  create(request: CreateRequest): Operation {
    const { parent, sessionId, requestId } = request;
    const [, project, , location] = parent.split('/') as [string, string, string, string];
    return this.db.transaction(() => {
      const replayed = this.replay(`create:${parent}`, requestId);
      if (replayed) return replayed;
      const idProblem = sessionIdProblem(sessionId);
      if (idProblem) throw invalidArgument([{ field: 'sessionId', description: idProblem }]);
      const input: Session = { ...request.session };
      for (const field of SESSION_OUTPUT_ONLY) delete input[field];
      delete input.name;
      const violations = sessionViolations(input, { project, location });
      let template: SessionTemplate | undefined;
      if (input.sessionTemplate && violations.length === 0) {
        const ref = normalizeTemplateRef(input.sessionTemplate, { project, location });
        template = this.o.templates.find(ref.name!);
        if (!template)
          violations.push({
            field: 'session.sessionTemplate',
            description: `Session template ${ref.name} does not exist.`,
          });
        else input.sessionTemplate = ref.name;
      }
      if (violations.length) throw invalidArgument(violations);
      const name = `${parent}/sessions/${sessionId}`;
      if (this.row(name)) throw new RpcError('ALREADY_EXISTS', `Already exists: Session ${name}`);

      const now = this.o.clock.now();
      const uuid = randomUUID();
      const merged = template ? mergeTemplate(template, input) : input;
      const session = this.withDefaults(merged, {
        name,
        uuid,
        project,
        location,
        sessionId: sessionId!,
        now,
      });
      const version = session.runtimeConfig?.version ?? DEFAULT_RUNTIME_VERSION;
      const failMessage = SUPPORTED_RUNTIME_VERSIONS.some((v) => version === v || version.startsWith(`${v}.`))
        ? null
        : `Unsupported runtime version "${version}". Supported versions: ${SUPPORTED_RUNTIME_VERSIONS.join(', ')}.`;
      this.db
        .prepare(
          `INSERT INTO sessions (name, parent, session_id, uuid, state, create_time, labels, body, next_event_at, fail_message)
           VALUES (?, ?, ?, ?, 'CREATING', ?, ?, ?, ?, ?)`,
        )
        .run(
          name,
          parent,
          sessionId,
          uuid,
          session.createTime,
          JSON.stringify(session.labels ?? {}),
          JSON.stringify(session),
          now + this.o.transitionMs,
          failMessage,
        );
      const operation = this.o.operations.start('CREATE', session);
      this.remember(`create:${parent}`, requestId, operation);
      return operation;
    })();
  }

  private withDefaults(
    input: Session,
    ids: { name: string; uuid: string; project: string; location: string; sessionId: string; now: number },
  ): Session {
    const exec = input.environmentConfig?.executionConfig ?? {};
    const projectNumber = BigInt('0x' + createHash('sha256').update(ids.project).digest('hex').slice(0, 12))
      .toString()
      .slice(0, 12);
    const time = rfc3339(ids.now);
    return {
      ...input,
      name: ids.name,
      uuid: ids.uuid,
      createTime: time,
      state: 'CREATING',
      stateTime: time,
      creator: this.o.creator,
      labels: {
        ...input.labels,
        'goog-dataproc-session-id': ids.sessionId,
        'goog-dataproc-session-uuid': ids.uuid,
        'goog-dataproc-location': ids.location,
        'goog-dataproc-drz-resource-uuid': `session-${ids.uuid}`,
      },
      runtimeConfig: {
        ...input.runtimeConfig,
        version: input.runtimeConfig?.version ?? DEFAULT_RUNTIME_VERSION,
      },
      environmentConfig: {
        ...input.environmentConfig,
        executionConfig: {
          ...exec,
          serviceAccount: exec.serviceAccount ?? `${projectNumber}-compute@developer.gserviceaccount.com`,
          idleTtl: exec.idleTtl ?? DEFAULT_IDLE_TTL,
          ttl: exec.ttl ?? DEFAULT_TTL,
        },
        peripheralsConfig: { sparkHistoryServerConfig: {}, ...input.environmentConfig?.peripheralsConfig },
      },
      runtimeInfo: {},
      stateHistory: [],
    };
  }

  get(name: string): Session {
    return this.render(this.mustRow(name));
  }

  list(parent: string, query: { pageSize?: string; pageToken?: string; filter?: string }) {
    const filterText = query.filter ?? '';
    const filter = compileFilter(filterText, SESSION_FILTER);
    const pageSize = pageSizeFrom(query.pageSize);
    const after = decodePageToken(query.pageToken, filterText);
    const keyset = after ? 'AND (create_time < ? OR (create_time = ? AND seq < ?))' : '';
    const rows = this.db
      .prepare(
        `SELECT * FROM sessions WHERE parent = ? AND ${filter.sql} ${keyset}
         ORDER BY create_time DESC, seq DESC LIMIT ?`,
      )
      .all(
        parent,
        ...filter.params,
        ...(after ? [after.key, after.key, after.seq] : []),
        pageSize + 1,
      ) as SessionRow[];
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      sessions: page.map((row) => this.render(row)),
      ...(rows.length > pageSize && last
        ? { nextPageToken: encodePageToken({ key: last.create_time, seq: last.seq }, filterText) }
        : {}),
    };
  }

  terminate(name: string, requestId: string | undefined): Operation {
    return this.db.transaction(() => {
      const replayed = this.replay(`terminate:${name}`, requestId);
      if (replayed) return replayed;
      const row = this.mustRow(name);
      const operation = this.o.operations.start('TERMINATE', this.render(row));
      this.remember(`terminate:${name}`, requestId, operation);
      this.beginTermination(row, 'Session terminated by the user.', ['TERMINATE']);
      return this.o.operations.get(operation.name!);
    })();
  }

  delete(name: string, requestId: string | undefined): Operation {
    return this.db.transaction(() => {
      const replayed = this.replay(`delete:${name}`, requestId);
      if (replayed) return replayed;
      const row = this.mustRow(name);
      const operation = this.o.operations.start('DELETE', this.render(row));
      this.remember(`delete:${name}`, requestId, operation);
      this.db.prepare('UPDATE sessions SET delete_when_terminated = 1 WHERE seq = ?').run(row.seq);
      this.beginTermination({ ...row, delete_when_terminated: 1 }, 'Session terminated before deletion.', [
        'DELETE',
      ]);
      return this.o.operations.get(operation.name!);
    })();
  }

  /**
   * Starts TERMINATING a live session. On a session that has already ended the request is a
   * no-op that succeeds at once (our choice; README), and a pending delete removes it now.
   */
  private beginTermination(row: SessionRow, message: string, kinds: OperationType[]) {
    const now = this.o.clock.now();
    if (TERMINAL_STATES.has(row.state as SessionState)) {
      this.endOfLife(row, now, kinds);
      return;
    }
    if (row.state === 'TERMINATING') return; // already on its way; the operation completes with it
    this.transition(row, 'TERMINATING', message, now, now + this.o.transitionMs);
  }

  /** Completes operations on a session that has reached TERMINATED or FAILED, and deletes it if asked. */
  private endOfLife(row: SessionRow, at: number, kinds: OperationType[]) {
    const session = this.render(row);
    if (row.delete_when_terminated) this.db.prepare('DELETE FROM sessions WHERE seq = ?').run(row.seq);
    this.o.operations.finish(row.name, kinds, at, { session });
  }

  private transition(
    row: SessionRow,
    to: SessionState,
    message: string | undefined,
    at: number,
    nextEventAt: number | null,
  ) {
    const session = JSON.parse(row.body) as Session;
    const history: SessionStateHistory[] = [...(session.stateHistory ?? [])];
    history.push({
      state: session.state,
      ...(session.stateMessage ? { stateMessage: session.stateMessage } : {}),
      stateStartTime: session.stateTime,
    });
    session.stateHistory = history;
    session.state = to;
    session.stateTime = rfc3339(at);
    if (message) session.stateMessage = message;
    else delete session.stateMessage;
    const activeSince = to === 'ACTIVE' ? at : row.active_since;
    session.runtimeInfo = runtimeInfoFor(session, to, activeSince, at);
    const body = JSON.stringify(session);
    this.db
      .prepare('UPDATE sessions SET state = ?, body = ?, next_event_at = ?, active_since = ? WHERE seq = ?')
      .run(to, body, nextEventAt, activeSince, row.seq);
    Object.assign(row, { state: to, body, next_event_at: nextEventAt, active_since: activeSince });
  }

  /** Applies every lifecycle step that is due by `now`, each at the time it was due. */
  advance(now: number): void {
    const due = this.db.prepare(
      'SELECT * FROM sessions WHERE next_event_at IS NOT NULL AND next_event_at <= ? ORDER BY next_event_at LIMIT 1',
    );
    this.db.transaction(() => {
      for (
        let row = due.get(now) as SessionRow | undefined;
        row;
        row = due.get(now) as SessionRow | undefined
      ) {
        const at = row.next_event_at!;
        if (row.state === 'CREATING') {
          if (row.fail_message) {
            this.transition(row, 'FAILED', row.fail_message, at, null);
            this.o.operations.finish(row.name, ['CREATE'], at, {
              error: new RpcError('FAILED_PRECONDITION', row.fail_message),
            });
            this.endOfLife(row, at, ['TERMINATE', 'DELETE']);
          } else {
            const session = JSON.parse(row.body) as Session;
            this.transition(row, 'ACTIVE', undefined, at, at + lifetimeLimit(session).seconds * 1000);
            this.o.operations.finish(row.name, ['CREATE'], at, { session: this.render(row) });
          }
        } else if (row.state === 'ACTIVE') {
          const { reason } = lifetimeLimit(JSON.parse(row.body) as Session);
          this.transition(row, 'TERMINATING', reason, at, at + this.o.transitionMs);
        } else if (row.state === 'TERMINATING') {
          this.transition(row, 'TERMINATED', undefined, at, null);
          this.o.operations.finish(row.name, ['CREATE'], at, {
            error: new RpcError('ABORTED', 'The session was terminated before it became active.'),
          });
          this.endOfLife(row, at, ['TERMINATE', 'DELETE']);
        } else {
          this.db.prepare('UPDATE sessions SET next_event_at = NULL WHERE seq = ?').run(row.seq);
        }
      }
    })();
  }

  /** Marks a session to fail during start-up (control API). */
  injectStartupFailure(name: string, message: string): void {
    const row = this.mustRow(name);
    if (row.state !== 'CREATING')
      throw new RpcError('FAILED_PRECONDITION', `Session ${name} is ${row.state}, not CREATING.`);
    this.db.prepare('UPDATE sessions SET fail_message = ? WHERE seq = ?').run(message, row.seq);
  }

  /** Overwrites stored fields, output-only ones included (control API: tests and demos). */
  overwrite(name: string, fields: Record<string, unknown>): Session {
    const row = this.mustRow(name);
    const body = { ...(JSON.parse(row.body) as Session), ...fields };
    this.db
      .prepare('UPDATE sessions SET body = ?, labels = ? WHERE seq = ?')
      .run(JSON.stringify(body), JSON.stringify(body.labels ?? {}), row.seq);
    return this.get(name);
  }

  /** Usage figures change with time, so they are computed when the session is read. */
  private render(row: SessionRow): Session {
    const session = JSON.parse(row.body) as Session;
    if ((row.state === 'ACTIVE' || row.state === 'TERMINATING') && row.active_since !== null) {
      session.runtimeInfo = {
        ...session.runtimeInfo,
        currentUsage: {
          milliDcu: String(MILLI_DCU),
          shuffleStorageGb: String(SHUFFLE_GB),
          snapshotTime: rfc3339(this.o.clock.now()),
        },
      };
    }
    return session;
  }
}

/**
 * How long an ACTIVE session lives and what ends it: the TTL or the idle TTL, whichever is shorter
 * (the emulator runs no workloads, so idleness counts from becoming ACTIVE).
 */
function lifetimeLimit(session: Session): { seconds: number; reason: string } {
  const exec = session.environmentConfig?.executionConfig;
  const ttl = exec?.ttl ?? DEFAULT_TTL;
  const idleTtl = exec?.idleTtl ?? DEFAULT_IDLE_TTL;
  const ttlSeconds = parseDurationSeconds(ttl)!;
  const idleSeconds = parseDurationSeconds(idleTtl)!;
  return idleSeconds <= ttlSeconds
    ? { seconds: idleSeconds, reason: `Session idle for longer than its idle TTL (${idleTtl}).` }
    : { seconds: ttlSeconds, reason: `Session reached its TTL (${ttl}).` };
}

function runtimeInfoFor(
  session: Session,
  state: SessionState,
  activeSince: number | null,
  at: number,
): Session['runtimeInfo'] {
  const id = session.uuid ?? '';
  const location = session.name?.split('/')[3] ?? 'us-central1';
  const host = `https://${id.slice(0, 8)}-dot-${location}.dataproc.googleusercontent.com`;
  const base = {
    outputUri: `gs://dataproc-staging-${location}/google-cloud-dataproc-metainfo/${id}/sessions/output`,
  };
  if (state === 'ACTIVE' || state === 'TERMINATING')
    return {
      ...base,
      endpoints: {
        'Spark History Server': `${host}/sparkhistory/`,
        ...(session.sparkConnectSession
          ? {
              'Spark Connect Server': `sc://${id.slice(0, 8)}-dot-${location}.dataproc.googleusercontent.com:443`,
            }
          : { 'Jupyter Kernel Gateway': `${host}/gateway/` }),
      },
    };
  if ((state === 'TERMINATED' || state === 'FAILED') && activeSince !== null) {
    const seconds = Math.max(0, (at - activeSince) / 1000);
    return {
      ...base,
      diagnosticOutputUri: `${base.outputUri.replace(/output$/, 'diagnostics')}/diagnostic.tar.gz`,
      approximateUsage: {
        milliDcuSeconds: String(Math.round(MILLI_DCU * seconds)),
        shuffleStorageGbSeconds: String(Math.round(SHUFFLE_GB * seconds)),
        updateTime: rfc3339(at),
      },
    };
  }
  return state === 'FAILED' ? { ...base } : {};
}

/**
 * Our template rule (README): the template gives defaults and the session's own values win, field
 * by field; labels and Spark properties are merged key by key. A session type set on the session
 * replaces the template's.
 */
export function mergeTemplate(template: SessionTemplate, session: Session): Session {
  const sessionType =
    session.jupyterSession || session.sparkConnectSession
      ? { jupyterSession: session.jupyterSession, sparkConnectSession: session.sparkConnectSession }
      : { jupyterSession: template.jupyterSession, sparkConnectSession: template.sparkConnectSession };
  const tr = template.runtimeConfig ?? {};
  const sr = session.runtimeConfig ?? {};
  const te = template.environmentConfig ?? {};
  const se = session.environmentConfig ?? {};
  const merged: Session = {
    ...session,
    ...sessionType,
    labels: { ...template.labels, ...session.labels },
    runtimeConfig: { ...tr, ...sr, properties: { ...tr.properties, ...sr.properties } },
    environmentConfig: {
      executionConfig: { ...te.executionConfig, ...se.executionConfig },
      peripheralsConfig: { ...te.peripheralsConfig, ...se.peripheralsConfig },
    },
  };
  const exec = merged.environmentConfig!.executionConfig!;
  // network and subnetwork are one choice: the session's choice replaces the template's.
  if (se.executionConfig?.networkUri) delete exec.subnetworkUri;
  if (se.executionConfig?.subnetworkUri) delete exec.networkUri;
  if (!merged.jupyterSession) delete merged.jupyterSession;
  if (!merged.sparkConnectSession) delete merged.sparkConnectSession;
  if (Object.keys(merged.runtimeConfig!.properties!).length === 0) delete merged.runtimeConfig!.properties;
  return merged;
}
