import { randomUUID } from 'node:crypto';
import { SessionState } from '../../src/schemas/enums';
import { sessionName } from '../../src/schemas/names';
import { strict, type Operation, type Session } from '../../src/schemas/wire';
import type { Clock } from './clock';
import type { Db } from './database';
import { RpcError, invalidArgument } from './errors';
import { LIMITS } from './limits';
import { compileFilter, type FilterFields } from './filter';
import { RequestIds } from './idempotency';
import { Lifecycle } from './lifecycle';
import type { Operations } from './operations';
import { decodePageToken, encodePageToken, pageSizeFrom } from './paging';
import { parseJsonBody } from './request-body';
import { renderSession, storedSession } from './runtime-info';
import type { UsageModel } from './spark/usage';
import { runtimeVersionFailure, withDefaults } from './session-defaults';
import { SessionStore, type SessionRow } from './session-store';
import { checkMerged, validateCreate, type CreateRequest } from './session-validation';
import { mergeTemplate } from './template-merge';
import type { Templates } from './templates';

export type { CreateRequest } from './session-validation';

const SESSION_FILTER: FilterFields = {
  fields: {
    session_id: { column: 'session_id', kind: 'string' },
    session_uuid: { column: 'uuid', kind: 'string' },
    state: { column: 'state', kind: 'enum', values: SessionState.values },
    create_time: { column: 'create_time', kind: 'timestamp' },
  },
  labelsColumn: 'labels',
};

export interface SessionsOptions {
  db: Db;
  clock: Clock;
  operations: Operations;
  templates: Templates;
  /** How long CREATING and TERMINATING last. */
  transitionMs: number;
  creator: string;
  /** The usage figures of a running or ended session (the Spark workload's executors). */
  usage: UsageModel;
}

/**
 * The sessions service: each call validates, checks its requestId, then acts in one transaction.
 * Storage, idempotency, validation, the state machine, runtime info and template merge each live
 * in their own module; this one only puts them in order.
 */
export class Sessions {
  private readonly store: SessionStore;
  private readonly requestIds: RequestIds;
  readonly lifecycle: Lifecycle;

  constructor(private readonly o: SessionsOptions) {
    this.store = new SessionStore(o.db);
    this.requestIds = new RequestIds(o.db, o.operations, o.clock);
    this.lifecycle = new Lifecycle({
      db: o.db,
      store: this.store,
      clock: o.clock,
      operations: o.operations,
      transitionMs: o.transitionMs,
      usage: o.usage,
    });
  }

  create(request: CreateRequest): Operation {
    const { parent, requestId } = request;
    return this.o.db.transaction(() => {
      const seen = this.requestIds.replay(`create:${parent}`, requestId);
      if (seen && 'operation' in seen) return seen.operation;
      const created = seen?.lostOperationOf ? this.store.find(seen.lostOperationOf) : undefined;
      if (created) return this.reissueCreate(created, `create:${parent}`, requestId!);
      const valid = validateCreate(request, this.o.templates);
      const name = sessionName(parent, valid.sessionId);
      if (this.store.find(name)) throw new RpcError('ALREADY_EXISTS', `Already exists: Session ${name}`);

      const now = this.o.clock.now();
      const uuid = randomUUID();
      const merged = valid.template ? mergeTemplate(valid.template, valid.input) : valid.input;
      if (valid.template) checkMerged(merged);
      const session = withDefaults(merged, {
        name,
        uuid,
        project: valid.project,
        location: valid.location,
        sessionId: valid.sessionId,
        now,
        creator: this.o.creator,
      });
      this.store.insert({
        name,
        parent,
        sessionId: valid.sessionId,
        uuid,
        createTime: session.createTime!,
        labels: JSON.stringify(session.labels ?? {}),
        body: JSON.stringify(session),
        nextEventAt: now + this.o.transitionMs,
        failMessage: runtimeVersionFailure(session),
      });
      const operation = this.o.operations.start('CREATE', session);
      this.requestIds.remember(`create:${parent}`, requestId, operation);
      return operation;
    })();
  }

  /**
   * A repeated create whose first operation was deleted or pruned: the session it made still
   * exists, so the answer is a new CREATE operation for it, done at once unless it is still
   * CREATING (then the lifecycle finishes it), and the requestId now leads to that operation.
   */
  private reissueCreate(row: SessionRow, scope: string, requestId: string): Operation {
    const session = this.render(row);
    const operation = this.o.operations.start('CREATE', session);
    const now = this.o.clock.now();
    if (row.state === 'FAILED')
      this.o.operations.finish(row.name, ['CREATE'], now, {
        error: new RpcError('FAILED_PRECONDITION', session.stateMessage ?? 'The session failed.'),
      });
    else if (row.state !== 'CREATING') this.o.operations.finish(row.name, ['CREATE'], now, { session });
    this.requestIds.remember(scope, requestId, operation);
    return this.o.operations.get(operation.name!);
  }

  private render(row: SessionRow): Session {
    return renderSession(row, this.o.clock.now(), this.o.usage);
  }

  get(name: string): Session {
    return this.render(this.store.must(name));
  }

  list(parent: string, query: { pageSize?: string; pageToken?: string; filter?: string }) {
    const filterText = query.filter ?? '';
    const filter = compileFilter(filterText, SESSION_FILTER);
    const pageSize = pageSizeFrom(query.pageSize);
    const after = decodePageToken(query.pageToken, filterText);
    // Fewer than pageSize when the page would pass its byte budget, as Google's lists may.
    const { rows: page, more } = this.store.page(parent, filter, after, pageSize, LIMITS.listPageBytes);
    const last = page[page.length - 1];
    return {
      sessions: page.map((row) => this.render(row)),
      ...(more && last
        ? { nextPageToken: encodePageToken({ key: last.create_time, seq: last.seq }, filterText) }
        : {}),
    };
  }

  terminate(name: string, requestId: string | undefined): Operation {
    return this.o.db.transaction(() => {
      // A requestId whose operation is gone is handled as a new request (README).
      const seen = this.requestIds.replay(`terminate:${name}`, requestId);
      if (seen && 'operation' in seen) return seen.operation;
      const row = this.store.must(name);
      const operation = this.o.operations.start('TERMINATE', this.render(row));
      this.requestIds.remember(`terminate:${name}`, requestId, operation);
      this.lifecycle.beginTermination(row, 'Session terminated by the user.', ['TERMINATE']);
      return this.o.operations.get(operation.name!);
    })();
  }

  delete(name: string, requestId: string | undefined): Operation {
    return this.o.db.transaction(() => {
      // A requestId whose operation is gone is handled as a new request (README).
      const seen = this.requestIds.replay(`delete:${name}`, requestId);
      if (seen && 'operation' in seen) return seen.operation;
      const row = this.store.must(name);
      const operation = this.o.operations.start('DELETE', this.render(row));
      this.requestIds.remember(`delete:${name}`, requestId, operation);
      this.store.markDeleteWhenTerminated(row.seq);
      this.lifecycle.beginTermination(
        { ...row, delete_when_terminated: 1 },
        'Session terminated before deletion.',
        ['DELETE'],
      );
      return this.o.operations.get(operation.name!);
    })();
  }

  /** Applies every lifecycle step that is due by `now`, each at the time it was due. */
  advance(now: number): void {
    this.lifecycle.advance(now);
  }

  /** Forgets requestIds recorded before `before` (the emulator's retention). */
  pruneRequestIds(before: number): number {
    return this.requestIds.prune(before);
  }

  /** Marks a session to fail during start-up (control API). */
  injectStartupFailure(name: string, message: string): void {
    const row = this.store.must(name);
    if (row.state !== 'CREATING')
      throw new RpcError('FAILED_PRECONDITION', `Session ${name} is ${row.state}, not CREATING.`);
    this.store.setFailMessage(row.seq, message);
  }

  /**
   * Overwrites stored fields, output-only ones included (control API: tests of hostile values).
   * The result must still be a Session as the wire schema describes it, and the fields that are
   * also columns (name, uuid, createTime) stay as they are; a new `state` moves the state column too.
   */
  overwrite(name: string, fields: Record<string, unknown>): Session {
    const row = this.store.must(name);
    for (const field of ['name', 'uuid', 'createTime'])
      if (Object.hasOwn(fields, field))
        throw invalidArgument([{ field: `fields.${field}`, description: `${field} cannot be overwritten.` }]);
    const merged = { ...storedSession(row), ...fields };
    const body = parseJsonBody(strict.Session, JSON.stringify(merged), 'fields');
    this.store.setBody(row.seq, {
      body: JSON.stringify(body),
      labels: JSON.stringify(body.labels ?? {}),
      state: body.state ?? row.state,
    });
    this.lifecycle.retry(row.seq);
    return this.get(name);
  }
}
