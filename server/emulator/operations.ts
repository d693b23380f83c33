import { randomUUID } from 'node:crypto';
import { METADATA_TYPE_URL, SESSION_TYPE_URL, type Operation, type Session } from '../../src/schemas/wire';
import type { OperationType } from '../../src/schemas/enums';
import type { Clock } from './clock';
import { rfc3339 } from './clock';
import type { Db } from './database';
import { RpcError } from './errors';
import { decodePageToken, encodePageToken, pageSizeFrom } from './paging';
import { operationsParent, placeOf } from '../../src/schemas/names';

const DESCRIPTIONS: Record<OperationType, string> = {
  SESSION_OPERATION_TYPE_UNSPECIFIED: '',
  CREATE: 'Create session',
  TERMINATE: 'Terminate session',
  DELETE: 'Delete session',
};

interface OperationRow {
  seq: number;
  name: string;
  body: string;
  done: number;
  kind: string;
  session_name: string;
}

/** Long-running operations. Named projects/P/regions/R/operations/ID, as the real API names them. */
export class Operations {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  start(kind: OperationType, session: Session): Operation {
    const place = placeOf(session.name!)!;
    const parent = operationsParent(place);
    const name = `${parent}/operations/${randomUUID()}`;
    const operation: Operation = {
      name,
      metadata: {
        '@type': METADATA_TYPE_URL,
        session: session.name,
        sessionUuid: session.uuid,
        createTime: rfc3339(this.clock.now()),
        description: DESCRIPTIONS[kind],
        operationType: kind,
        labels: session.labels ?? {},
      },
    };
    this.db
      .prepare('INSERT INTO operations (name, parent, session_name, kind, body) VALUES (?, ?, ?, ?, ?)')
      .run(name, parent, session.name, kind, JSON.stringify(operation));
    return operation;
  }

  /** Finishes every pending operation of `kind` on a session, with the session or an error. */
  finish(
    sessionName: string,
    kinds: OperationType[],
    at: number,
    outcome: { session: Session } | { error: RpcError },
  ): void {
    const rows = this.db
      .prepare('SELECT * FROM operations WHERE session_name = ? AND done = 0')
      .all(sessionName) as OperationRow[];
    for (const row of rows) {
      if (!kinds.includes(row.kind as OperationType)) continue;
      this.complete(row, at, outcome);
    }
  }

  private complete(
    row: OperationRow,
    at: number,
    outcome: { session: Session } | { error: RpcError | { code: number; message: string } },
  ) {
    const operation = JSON.parse(row.body) as Operation;
    operation.done = true;
    operation.metadata = { ...operation.metadata, doneTime: rfc3339(at) };
    if ('session' in outcome) operation.response = { '@type': SESSION_TYPE_URL, ...outcome.session };
    else operation.error = outcome.error instanceof RpcError ? outcome.error.asStatus() : outcome.error;
    this.db
      .prepare('UPDATE operations SET done = 1, body = ?, done_at = ? WHERE seq = ?')
      .run(JSON.stringify(operation), at, row.seq);
  }

  find(name: string): Operation | undefined {
    const row = this.db.prepare('SELECT * FROM operations WHERE name = ?').get(toRegionsName(name)) as
      OperationRow | undefined;
    return row ? (JSON.parse(row.body) as Operation) : undefined;
  }

  get(name: string): Operation {
    const operation = this.find(name);
    if (!operation) throw new RpcError('NOT_FOUND', `Not found: Operation ${name}`);
    return operation;
  }

  /** Removes operations that finished before `before` (retention.ts); pending ones stay. */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM operations WHERE done = 1 AND done_at < ?').run(before).changes;
  }

  list(collection: string, query: { pageSize?: string; pageToken?: string; filter?: string }) {
    if (query.filter)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Operation filters are not supported by this emulator; leave filter empty.',
      );
    const parent = toRegionsName(`${collection}/x`).replace(/\/operations\/x$/, '');
    const pageSize = pageSizeFrom(query.pageSize);
    const after = decodePageToken(query.pageToken, '');
    const rows = this.db
      .prepare('SELECT * FROM operations WHERE parent = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(parent, after ? after.seq : Number.MAX_SAFE_INTEGER, pageSize + 1) as OperationRow[];
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      operations: page.map((r) => JSON.parse(r.body) as Operation),
      ...(rows.length > pageSize && last
        ? { nextPageToken: encodePageToken({ seq: last.seq, key: '' }, '') }
        : {}),
    };
  }

  /** Best effort, as Google documents: the operation ends CANCELLED; the session action goes on. */
  cancel(name: string): void {
    const row = this.db.prepare('SELECT * FROM operations WHERE name = ?').get(toRegionsName(name)) as
      OperationRow | undefined;
    if (!row) throw new RpcError('NOT_FOUND', `Not found: Operation ${name}`);
    if (!row.done)
      this.complete(row, this.clock.now(), {
        error: { code: 1, message: 'Operation cancelled by the caller.' },
      });
  }

  delete(name: string): void {
    const result = this.db.prepare('DELETE FROM operations WHERE name = ?').run(toRegionsName(name));
    if (result.changes === 0) throw new RpcError('NOT_FOUND', `Not found: Operation ${name}`);
  }
}

/** The locations form of an operation name addresses the same operation as the regions form. */
function toRegionsName(name: string): string {
  return name.replace(/^(projects\/[^/]+)\/locations\//, '$1/regions/');
}
