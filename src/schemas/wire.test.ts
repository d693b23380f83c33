import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { discovery, type DiscoverySchema } from '../../server/testing/discovery';
import * as spark from './spark';
import { lenient, strict } from './wire';

interface Def {
  type: string;
  innerType?: ZodLike;
  element?: ZodLike;
  valueType?: ZodLike;
  shape?: Record<string, ZodLike>;
}
type ZodLike = z.ZodMiniType & { values?: readonly string[]; _zod: { def: Def } };

/** Follows optional wrappers down to the schema that says what a field is. */
function unwrap(schema: ZodLike): ZodLike {
  let s = schema;
  while (s._zod.def.type === 'optional') s = s._zod.def.innerType!;
  return s;
}

interface DiscoveryProperty {
  $ref?: string;
  enum?: string[];
  items?: DiscoveryProperty;
  additionalProperties?: DiscoveryProperty;
}

function missing(schemaName: string, zodSchema: ZodLike, where: string, path: string[] = []): string[] {
  // A recursive schema (a plan graph cluster holds nodes that hold clusters) is checked once.
  if (path.includes(schemaName)) return [];
  const disc: DiscoverySchema = discovery.schemas[schemaName]!;
  const shape = unwrap(zodSchema)._zod.def.shape ?? {};
  const problems: string[] = [];
  for (const [field, property] of Object.entries(
    (disc.properties ?? {}) as Record<string, DiscoveryProperty>,
  )) {
    const zodField = shape[field];
    if (!zodField) {
      problems.push(`${where}.${field}`);
      continue;
    }
    problems.push(...checkProperty(property, unwrap(zodField), `${where}.${field}`, [...path, schemaName]));
  }
  return problems;
}

function checkProperty(
  property: DiscoveryProperty,
  zodField: ZodLike,
  where: string,
  path: string[],
): string[] {
  if (property.$ref) return missing(property.$ref, zodField, where, path);
  if (property.enum) {
    const known = zodField.values ?? [];
    return property.enum.filter((v) => !known.includes(v)).map((v) => `${where} enum value ${v}`);
  }
  if (property.items)
    return checkProperty(property.items, unwrap(zodField._zod.def.element!), `${where}[]`, path);
  if (property.additionalProperties?.$ref)
    return checkProperty(
      property.additionalProperties,
      unwrap(zodField._zod.def.valueType!),
      `${where}{}`,
      path,
    );
  return [];
}

describe('the zod wire schemas know every field and enum value of the discovery document', () => {
  for (const [name, schemas] of [
    ['lenient', lenient],
    ['strict', strict],
  ] as const) {
    it.each([
      'Session',
      'SessionTemplate',
      'Operation',
      'SessionOperationMetadata',
      'ListSessionsResponse',
      'ListSessionTemplatesResponse',
      'ListOperationsResponse',
      'TerminateSessionRequest',
    ] as const)(`${name} %s`, (type) => {
      expect(missing(type, schemas[type] as unknown as ZodLike, type)).toEqual([]);
    });
  }

  it.each(Object.entries(spark.sparkResponses))('sparkApplications.%s (%s)', (_method, type) => {
    const schema = (spark as unknown as Record<string, ZodLike>)[type]!;
    expect(missing(type, schema, type)).toEqual([]);
  });

  it('the strict schema refuses an unknown field and the lenient one drops it', () => {
    expect(strict.Session.safeParse({ nope: 1 }).success).toBe(false);
    expect(lenient.Session.parse({ nope: 1, state: 'ACTIVE' })).toEqual({ state: 'ACTIVE' });
  });

  it('enums accept names and proto numbers and yield names', () => {
    expect(lenient.Session.parse({ state: 2, jupyterSession: { kernel: 2 } })).toEqual({
      state: 'ACTIVE',
      jupyterSession: { kernel: 'SCALA' },
    });
    expect(lenient.RuntimeConfig.parse({ autotuningConfig: { scenarios: [2, 'AUTO'] } })).toEqual({
      autotuningConfig: { scenarios: ['SCALING', 'AUTO'] },
    });
    expect(lenient.RuntimeConfig.safeParse({ autotuningConfig: { scenarios: [1] } }).success).toBe(false);
    expect(lenient.Session.safeParse({ state: 'RUNNING' }).success).toBe(false);
  });
});
