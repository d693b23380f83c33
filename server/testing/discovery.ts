import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface DiscoveryProperty {
  type?: string;
  format?: string;
  $ref?: string;
  enum?: string[];
  items?: DiscoveryProperty;
  additionalProperties?: DiscoveryProperty;
  readOnly?: boolean;
}
export interface DiscoverySchema {
  properties?: Record<string, DiscoveryProperty>;
  type?: string;
}

/** The discovery document kept in the repository (reference/README.md: its revision, how to refresh). */
export const DISCOVERY_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../reference/dataproc-v1-discovery.json',
);

export const discovery = JSON.parse(fs.readFileSync(DISCOVERY_PATH, 'utf8')) as {
  schemas: Record<string, DiscoverySchema>;
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Checks a JSON value against a discovery schema; returns the problems found (empty = valid). */
export function checkAgainstDiscovery(value: unknown, schemaName: string, where = schemaName): string[] {
  const schema = discovery.schemas[schemaName];
  if (!schema) return [`${where}: unknown schema ${schemaName}`];
  return checkObject(value, schema, where);
}

function checkObject(value: unknown, schema: DiscoverySchema, where: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected an object`];
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (!property) {
      problems.push(`${where}.${key}: not in the discovery document`);
      continue;
    }
    problems.push(...checkProperty(child, property, `${where}.${key}`));
  }
  return problems;
}

function checkProperty(value: unknown, p: DiscoveryProperty, where: string): string[] {
  if (p.$ref) return checkAgainstDiscovery(value, p.$ref, where);
  switch (p.type) {
    case 'string':
      if (typeof value !== 'string') return [`${where}: expected a string, got ${JSON.stringify(value)}`];
      if (p.enum && !p.enum.includes(value)) return [`${where}: ${value} is not one of ${p.enum.join(', ')}`];
      if (p.format === 'int64' && !/^-?\d+$/.test(value)) return [`${where}: int64 must be a decimal string`];
      if (p.format === 'google-datetime' && !RFC3339.test(value)) return [`${where}: not RFC 3339: ${value}`];
      if (p.format === 'google-duration' && !/^-?\d+(\.\d{1,9})?s$/.test(value))
        return [`${where}: not a duration: ${value}`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: expected a boolean`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${where}: expected an integer`];
    case 'array':
      if (!Array.isArray(value)) return [`${where}: expected an array`];
      return value.flatMap((item, i) => checkProperty(item, p.items ?? {}, `${where}[${i}]`));
    case 'object':
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return [`${where}: expected an object`];
      if (p.additionalProperties)
        return Object.entries(value).flatMap(([k, v]) =>
          // `any` here is the discovery type of Any-typed maps (metadata, response): checked separately.
          p.additionalProperties!.type === 'any'
            ? []
            : checkProperty(v, p.additionalProperties!, `${where}.${k}`),
        );
      return checkObject(value, p, where);
    default:
      return [];
  }
}

/** Checks an Operation, including its SessionOperationMetadata and Session response. */
export function checkOperation(value: unknown): string[] {
  const problems = checkAgainstDiscovery(value, 'Operation');
  const op = value as { metadata?: Record<string, unknown>; response?: Record<string, unknown> };
  if (op.metadata) {
    const { '@type': type, ...metadata } = op.metadata;
    if (type !== 'type.googleapis.com/google.cloud.dataproc.v1.SessionOperationMetadata')
      problems.push(`metadata.@type is ${String(type)}`);
    problems.push(...checkAgainstDiscovery(metadata, 'SessionOperationMetadata', 'Operation.metadata'));
  }
  if (op.response) {
    const { '@type': type, ...session } = op.response;
    if (type !== 'type.googleapis.com/google.cloud.dataproc.v1.Session')
      problems.push(`response.@type is ${String(type)}`);
    problems.push(...checkAgainstDiscovery(session, 'Session', 'Operation.response'));
  }
  return problems;
}
