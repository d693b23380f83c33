import type { Db } from './database';
import { notFound } from './errors';
import type { CompiledFilter } from './filter';
import type { PagePosition } from './paging';

/** One stored session: columns the lifecycle and lists need, plus the Session JSON in `body`. */
export interface SessionRow {
  seq: number;
  name: string;
  uuid: string;
  state: string;
  create_time: string;
  body: string;
  next_event_at: number | null;
  active_since: number | null;
  fail_message: string | null;
  delete_when_terminated: number;
}

export interface NewSessionRow {
  name: string;
  parent: string;
  sessionId: string;
  uuid: string;
  createTime: string;
  labels: string;
  body: string;
  nextEventAt: number;
  failMessage: string | null;
}

/** The sessions table: every SQL statement about sessions, and nothing else. */
export class SessionStore {
  constructor(private readonly db: Db) {}

  find(name: string): SessionRow | undefined {
    return this.db.prepare('SELECT * FROM sessions WHERE name = ?').get(name) as SessionRow | undefined;
  }

  must(name: string): SessionRow {
    const row = this.find(name);
    if (!row) throw notFound('Session', name);
    return row;
  }

  insert(row: NewSessionRow): void {
    this.db
      .prepare(
        `INSERT INTO sessions (name, parent, session_id, uuid, state, create_time, labels, body, next_event_at, fail_message)
         VALUES (?, ?, ?, ?, 'CREATING', ?, ?, ?, ?, ?)`,
      )
      .run(
        row.name,
        row.parent,
        row.sessionId,
        row.uuid,
        row.createTime,
        row.labels,
        row.body,
        row.nextEventAt,
        row.failMessage,
      );
  }

  /** Newest first, after the keyset position when there is one. */
  /**
   * Up to `limit` rows after `after`, stopping early once their bodies pass `bytes` (at least one
   * row is always given); `more` says whether rows remain. Rows are read one at a time, so a
   * page of huge sessions never loads more than it returns.
   */
  page(
    parent: string,
    filter: CompiledFilter,
    after: PagePosition | undefined,
    limit: number,
    bytes: number,
  ): { rows: SessionRow[]; more: boolean } {
    const keyset = after ? 'AND (create_time < ? OR (create_time = ? AND seq < ?))' : '';
    const rows: SessionRow[] = [];
    let size = 0;
    let more = false;
    for (const row of this.db
      .prepare(
        `SELECT * FROM sessions WHERE parent = ? AND ${filter.sql} ${keyset}
         ORDER BY create_time DESC, seq DESC LIMIT ?`,
      )
      .iterate(
        parent,
        ...filter.params,
        ...(after ? [after.key, after.key, after.seq] : []),
        limit + 1,
      ) as IterableIterator<SessionRow>) {
      if (rows.length >= limit || (rows.length > 0 && size + row.body.length > bytes)) {
        more = true;
        break;
      }
      rows.push(row);
      size += row.body.length;
    }
    return { rows, more };
  }

  /** The session whose next lifecycle step is due first by `now`, leaving out the `skip` rows. */
  nextDue(now: number, skip: number[]): SessionRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM sessions WHERE next_event_at IS NOT NULL AND next_event_at <= ?
           AND seq NOT IN (SELECT value FROM json_each(?))
         ORDER BY next_event_at LIMIT 1`,
      )
      .get(now, JSON.stringify(skip)) as SessionRow | undefined;
  }

  /** Writes a state change and updates `row` to match. */
  updateState(
    row: SessionRow,
    change: Pick<SessionRow, 'state' | 'body' | 'next_event_at' | 'active_since'>,
  ): void {
    this.db
      .prepare('UPDATE sessions SET state = ?, body = ?, next_event_at = ?, active_since = ? WHERE seq = ?')
      .run(change.state, change.body, change.next_event_at, change.active_since, row.seq);
    Object.assign(row, change);
  }

  clearNextEvent(seq: number): void {
    this.db.prepare('UPDATE sessions SET next_event_at = NULL WHERE seq = ?').run(seq);
  }

  markDeleteWhenTerminated(seq: number): void {
    this.db.prepare('UPDATE sessions SET delete_when_terminated = 1 WHERE seq = ?').run(seq);
  }

  setFailMessage(seq: number, message: string): void {
    this.db.prepare('UPDATE sessions SET fail_message = ? WHERE seq = ?').run(message, seq);
  }

  setBody(seq: number, change: { body: string; labels: string; state: string }): void {
    this.db
      .prepare('UPDATE sessions SET body = ?, labels = ?, state = ? WHERE seq = ?')
      .run(change.body, change.labels, change.state, seq);
  }

  remove(seq: number): void {
    this.db.prepare('DELETE FROM sessions WHERE seq = ?').run(seq);
  }
}
