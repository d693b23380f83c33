import { requestIdProblem } from '../../src/schemas/rules';
import type { Operation } from '../../src/schemas/wire';
import type { Clock } from './clock';
import type { Db } from './database';
import { invalidArgument } from './errors';
import type { Operations } from './operations';

/** What a requestId seen before leads to: its first operation, or the session it was about. */
export type Seen = { operation: Operation } | { lostOperationOf: string | null };

/**
 * requestId records: a repeated request with the same requestId in the same scope (create per
 * parent, terminate and delete per session) gets the first request's operation back. When that
 * operation is gone (deleted by the client, or past retention) the record is forgotten and the
 * caller is told which session it was about (README).
 */
export class RequestIds {
  constructor(
    private readonly db: Db,
    private readonly operations: Operations,
    private readonly clock: Clock,
  ) {}

  replay(scope: string, requestId: string | undefined): Seen | undefined {
    if (!requestId) return undefined;
    const problem = requestIdProblem(requestId);
    if (problem) throw invalidArgument([{ field: 'requestId', description: problem }]);
    const seen = this.db
      .prepare('SELECT operation, session_name FROM request_ids WHERE scope = ? AND request_id = ?')
      .get(scope, requestId) as { operation: string; session_name: string | null } | undefined;
    if (!seen) return undefined;
    const operation = this.operations.find(seen.operation);
    if (operation) return { operation };
    this.db.prepare('DELETE FROM request_ids WHERE scope = ? AND request_id = ?').run(scope, requestId);
    return { lostOperationOf: seen.session_name };
  }

  remember(scope: string, requestId: string | undefined, operation: Operation): void {
    if (requestId)
      this.db
        .prepare(
          'INSERT INTO request_ids (scope, request_id, operation, session_name, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(scope, requestId, operation.name, sessionOf(operation), this.clock.now());
  }

  /** Forgets requestIds recorded before `before` (retention.ts). */
  prune(before: number): number {
    return this.db.prepare('DELETE FROM request_ids WHERE created_at < ?').run(before).changes;
  }
}

function sessionOf(operation: Operation): string | null {
  const session = operation.metadata?.session;
  return typeof session === 'string' ? session : null;
}
