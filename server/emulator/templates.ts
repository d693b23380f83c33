import { LIMITS } from './limits';
import { randomUUID } from 'node:crypto';
import { templateViolations } from '../../src/schemas/rules';
import { TEMPLATE_OUTPUT_ONLY, type SessionTemplate } from '../../src/schemas/wire';
import { rfc3339, type Clock } from './clock';
import type { Db } from './database';
import { RpcError, invalidArgument, notFound } from './errors';
import { compileFilter, type FilterFields } from './filter';
import { decodePageToken, encodePageToken, pageSizeFrom } from './paging';
import { placeOf } from '../../src/schemas/names';

const TEMPLATE_FILTER: FilterFields = {
  fields: {
    name: { column: 'name', kind: 'string' },
    create_time: { column: 'create_time', kind: 'timestamp' },
  },
  labelsColumn: 'labels',
};

interface TemplateRow {
  seq: number;
  name: string;
  create_time: string;
  body: string;
}

/** Session templates: synchronous CRUD. PATCH replaces the whole template (there is no updateMask). */
export class Templates {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly creator: string,
  ) {}

  find(name: string): SessionTemplate | undefined {
    const row = this.db.prepare('SELECT body FROM templates WHERE name = ?').get(name) as
      { body: string } | undefined;
    return row ? (JSON.parse(row.body) as SessionTemplate) : undefined;
  }

  get(name: string): SessionTemplate {
    const template = this.find(name);
    if (!template) throw notFound('SessionTemplate', name);
    return template;
  }

  private clean(input: SessionTemplate): SessionTemplate {
    const template = { ...input };
    for (const field of TEMPLATE_OUTPUT_ONLY) delete template[field];
    return template;
  }

  create(parent: string, input: SessionTemplate): SessionTemplate {
    const template = this.clean(input);
    const violations = templateViolations(template, placeOf(parent)!);
    if (violations.length) throw invalidArgument(violations);
    return this.db.transaction(() => {
      if (this.find(template.name!))
        throw new RpcError('ALREADY_EXISTS', `Already exists: SessionTemplate ${template.name}`);
      const time = rfc3339(this.clock.now());
      const stored: SessionTemplate = {
        ...template,
        uuid: randomUUID(),
        createTime: time,
        updateTime: time,
        creator: this.creator,
      };
      this.db
        .prepare('INSERT INTO templates (name, parent, create_time, labels, body) VALUES (?, ?, ?, ?, ?)')
        .run(stored.name, parent, time, JSON.stringify(stored.labels ?? {}), JSON.stringify(stored));
      return stored;
    })();
  }

  patch(name: string, input: SessionTemplate): SessionTemplate {
    const template = { ...this.clean(input), name };
    const violations = templateViolations(template, placeOf(name)!);
    if (violations.length) throw invalidArgument(violations);
    return this.db.transaction(() => {
      const current = this.get(name);
      const stored: SessionTemplate = {
        ...template,
        uuid: current.uuid,
        createTime: current.createTime,
        creator: current.creator,
        updateTime: rfc3339(this.clock.now()),
      };
      this.db
        .prepare('UPDATE templates SET body = ?, labels = ? WHERE name = ?')
        .run(JSON.stringify(stored), JSON.stringify(stored.labels ?? {}), name);
      return stored;
    })();
  }

  delete(name: string): void {
    if (this.db.prepare('DELETE FROM templates WHERE name = ?').run(name).changes === 0)
      throw notFound('SessionTemplate', name);
  }

  list(parent: string, query: { pageSize?: string; pageToken?: string; filter?: string }) {
    const filterText = query.filter ?? '';
    const filter = compileFilter(filterText, TEMPLATE_FILTER);
    const pageSize = pageSizeFrom(query.pageSize);
    const after = decodePageToken(query.pageToken, filterText);
    // Read one row at a time, stopping at pageSize or the byte budget (at least one row).
    const page: TemplateRow[] = [];
    let size = 0;
    let more = false;
    for (const row of this.db
      .prepare(
        `SELECT * FROM templates WHERE parent = ? AND ${filter.sql} ${after ? 'AND name > ?' : ''} ORDER BY name LIMIT ?`,
      )
      .iterate(
        parent,
        ...filter.params,
        ...(after ? [after.key] : []),
        pageSize + 1,
      ) as IterableIterator<TemplateRow>) {
      if (page.length >= pageSize || (page.length > 0 && size + row.body.length > LIMITS.listPageBytes)) {
        more = true;
        break;
      }
      page.push(row);
      size += row.body.length;
    }
    const last = page[page.length - 1];
    return {
      sessionTemplates: page.map((r) => JSON.parse(r.body) as SessionTemplate),
      ...(more && last
        ? { nextPageToken: encodePageToken({ key: last.name, seq: last.seq }, filterText) }
        : {}),
    };
  }
}
