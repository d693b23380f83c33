import { requestIdProblem } from '../../src/schemas/rules';
import type { Operation } from '../../src/schemas/wire';
import type { Db } from './database';
import { invalidArgument } from './errors';
import type { Operations } from './operations';

/**
 * requestId records: a repeated request with the same requestId in the same scope (create per
 * parent, terminate and delete per session) gets the first request's operation back.
 */
export class RequestIds {
  constructor(
    private readonly db: Db,
    private readonly operations: Operations,
  ) {}

  /** Returns the stored operation when this requestId was seen before for the same scope. */
  replay(scope: string, requestId: string | undefined): Operation | undefined {
    if (!requestId) return undefined;
    const problem = requestIdProblem(requestId);
    if (problem) throw invalidArgument([{ field: 'requestId', description: problem }]);
    const seen = this.db
      .prepare('SELECT operation FROM request_ids WHERE scope = ? AND request_id = ?')
      .get(scope, requestId) as { operation: string } | undefined;
    return seen ? this.operations.get(seen.operation) : undefined;
  }

  remember(scope: string, requestId: string | undefined, operation: Operation): void {
    if (requestId)
      this.db
        .prepare('INSERT INTO request_ids (scope, request_id, operation) VALUES (?, ?, ?)')
        .run(scope, requestId, operation.name);
  }
}
