import { Hono, type Context } from 'hono';
import { enumFields } from '../../src/schemas/enums';
import { parentName, sessionName, templateName } from '../../src/schemas/names';
import { strict } from '../../src/schemas/wire';
import { RpcError } from './errors';
import { LIMITS, checkLength, requestLimits } from './limits';
import type { Operations } from './operations';
import { checkPlace } from './place';
import { parseJsonBody } from './request-body';
import type { Sessions } from './sessions';
import type { Templates } from './templates';

const P = '/v1/projects/:project/locations/:location';

/** Fields whose values are maps keyed by user data (label keys, property names): never enum fields. */
const USER_KEYED_MAPS = new Set([
  'labels',
  'properties',
  'endpoints',
  'resourceManagerTags',
  'autotuningProperties',
]);

/**
 * Which fields hold enums: `fields` by field name, `maps` for maps whose values are enums (a SQL
 * query's `jobs`: job ID → status). Sessions and operations use `enumFields`; each Spark method
 * names its own, as `status` is a job's status in one answer and a stage's in another.
 */
export interface EnumTable {
  fields: Record<string, { numberOf: Map<string, number> }>;
  maps?: Record<string, { numberOf: Map<string, number> }>;
}
const SESSION_ENUMS: EnumTable = { fields: enumFields };

/** Turns enum names into their numbers, for clients that send `$alt=json;enum-encoding=int`. */
function encodeEnumsAsInt(value: unknown, table: EnumTable, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => encodeEnumsAsInt(v, table, key));
  if (value && typeof value === 'object') {
    if (key !== undefined && USER_KEYED_MAPS.has(key)) return value;
    const mapEnum =
      key !== undefined && table.maps && Object.hasOwn(table.maps, key) ? table.maps[key] : undefined;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        mapEnum && typeof v === 'string' ? (mapEnum.numberOf.get(v) ?? v) : encodeEnumsAsInt(v, table, k),
      ]),
    );
  }
  if (typeof value === 'string' && key !== undefined && Object.hasOwn(table.fields, key))
    return table.fields[key]!.numberOf.get(value) ?? value;
  return value;
}

export function reply(c: Context, body: unknown, status = 200, enums: EnumTable = SESSION_ENUMS) {
  const alt = c.req.query('$alt') ?? c.req.query('alt') ?? '';
  const out = alt.includes('enum-encoding=int') ? encodeEnumsAsInt(body, enums) : body;
  return c.body(JSON.stringify(out), status as 200, { 'content-type': 'application/json; charset=UTF-8' });
}

function stripVerb(segment: string, verb: string): string {
  return segment.slice(0, -(verb.length + 1));
}

/** The Dataproc v1 REST surface: the same paths, bodies and errors as dataproc.googleapis.com. */
export function apiRoutes(sessions: Sessions, templates: Templates, operations: Operations): Hono {
  const api = new Hono();
  api.use('/v1/*', requestLimits());
  /** The project and location of the path, checked before any handler reads or stores anything. */
  const place = (c: Context) => {
    const project = c.req.param('project') ?? '';
    const location = c.req.param('location') ?? '';
    checkPlace(project, location);
    return { project, location };
  };
  const parentOf = (c: Context) => parentName(place(c));
  const listQuery = (c: Context) => {
    const query = {
      pageSize: c.req.query('pageSize'),
      pageToken: c.req.query('pageToken'),
      filter: c.req.query('filter'),
    };
    checkLength('filter', query.filter, LIMITS.filterChars);
    checkLength('pageToken', query.pageToken, LIMITS.pageTokenChars);
    return query;
  };

  // Sessions
  api.post(`${P}/sessions`, async (c) => {
    const session = parseJsonBody(strict.Session, await c.req.text(), 'session');
    return reply(
      c,
      sessions.create({
        parent: parentOf(c),
        sessionId: c.req.query('sessionId'),
        requestId: c.req.query('requestId'),
        session,
      }),
    );
  });
  api.get(`${P}/sessions`, (c) => reply(c, sessions.list(parentOf(c), listQuery(c))));
  api.post(`${P}/sessions/:session{[^/]+:terminate}`, async (c) => {
    const body = parseJsonBody(strict.TerminateSessionRequest, await c.req.text(), 'terminateSessionRequest');
    const name = sessionName(parentOf(c), stripVerb(c.req.param('session'), 'terminate'));
    return reply(c, sessions.terminate(name, body.requestId));
  });
  api.get(`${P}/sessions/:session`, (c) =>
    reply(c, sessions.get(sessionName(parentOf(c), c.req.param('session')))),
  );
  api.delete(`${P}/sessions/:session`, (c) =>
    reply(c, sessions.delete(sessionName(parentOf(c), c.req.param('session')), c.req.query('requestId'))),
  );

  // Session templates
  api.post(`${P}/sessionTemplates`, async (c) =>
    reply(
      c,
      templates.create(
        parentOf(c),
        parseJsonBody(strict.SessionTemplate, await c.req.text(), 'sessionTemplate'),
      ),
    ),
  );
  api.get(`${P}/sessionTemplates`, (c) => reply(c, templates.list(parentOf(c), listQuery(c))));
  api.get(`${P}/sessionTemplates/:template`, (c) =>
    reply(c, templates.get(templateName(parentOf(c), c.req.param('template')))),
  );
  api.patch(`${P}/sessionTemplates/:template`, async (c) =>
    reply(
      c,
      templates.patch(
        templateName(parentOf(c), c.req.param('template')),
        parseJsonBody(strict.SessionTemplate, await c.req.text(), 'sessionTemplate'),
      ),
    ),
  );
  api.delete(`${P}/sessionTemplates/:template`, (c) => {
    templates.delete(templateName(parentOf(c), c.req.param('template')));
    return reply(c, {});
  });

  // Operations, under both the regions name they are given and the locations form.
  const O = '/v1/projects/:project/:collection{regions|locations}/:location/operations';
  const opName = (c: Context, id: string) => {
    const { project, location } = place(c);
    return `projects/${project}/${c.req.param('collection')}/${location}/operations/${id}`;
  };
  api.get(O, (c) => reply(c, operations.list(opName(c, '').slice(0, -1), listQuery(c))));
  api.post(`${O}/:op{[^/]+:cancel}`, (c) => {
    operations.cancel(opName(c, stripVerb(c.req.param('op'), 'cancel')));
    return reply(c, {});
  });
  api.get(`${O}/:op`, (c) => reply(c, operations.get(opName(c, c.req.param('op')))));
  api.delete(`${O}/:op`, (c) => {
    operations.delete(opName(c, c.req.param('op')));
    return reply(c, {});
  });
  return api;
}

export function notFoundRoute(c: Context) {
  const error = new RpcError(
    'NOT_FOUND',
    `The requested URL ${new URL(c.req.url).pathname} was not found on this server (method ${c.req.method}).`,
  );
  return reply(c, error.envelope(), error.http);
}
