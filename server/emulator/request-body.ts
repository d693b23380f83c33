import type * as z from 'zod/mini';
import type { FieldViolation } from '../../src/schemas/wire';
import { RpcError, invalidArgument } from './errors';
import { memberPath, sizeViolations } from './limits';

/** Parses JSON text; malformed JSON is 400 INVALID_ARGUMENT, an empty body is `{}`. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RpcError(
      'INVALID_ARGUMENT',
      `Invalid JSON payload received. ${error instanceof Error ? error.message : 'Unparseable body'}.`,
    );
  }
}

/**
 * zod leaves a map's `__proto__` key out of what it returns (to protect its own result object). A
 * label key or property name is data, so the entry is put back as an ordinary own property, or
 * reported when its value is not a string like its siblings'.
 */
function restoreProtoKeys(raw: unknown, parsed: unknown, path: string, out: FieldViolation[]): void {
  if (!raw || typeof raw !== 'object' || !parsed || typeof parsed !== 'object') return;
  if (Array.isArray(raw)) {
    if (Array.isArray(parsed))
      raw.forEach((item, i) => restoreProtoKeys(item, parsed[i], memberPath(path, i), out));
    return;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === '__proto__' && !Object.hasOwn(parsed, key)) {
      if (typeof value === 'string')
        Object.defineProperty(parsed, key, { value, enumerable: true, writable: true, configurable: true });
      else
        out.push({
          field: memberPath(path, key),
          description: `Invalid value at '${memberPath(path, key)}': expected a string.`,
        });
    } else if (Object.hasOwn(parsed, key)) {
      restoreProtoKeys(value, (parsed as Record<string, unknown>)[key], memberPath(path, key), out);
    }
  }
}

/**
 * Parses a JSON request body the way Google's front end does: malformed JSON, unknown field names
 * and unknown enum values are all 400 INVALID_ARGUMENT, naming the field; so is any value over a
 * size limit (limits.ts).
 */
export function parseJsonBody<S extends z.ZodMiniType>(schema: S, text: string, root: string): z.output<S> {
  const raw = parseJson(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new RpcError(
      'INVALID_ARGUMENT',
      `Invalid JSON payload received. Expected an object for '${root}'.`,
    );
  const tooBig = sizeViolations(raw, root);
  if (tooBig.length) throw invalidArgument(tooBig);
  const result = schema.safeParse(raw);
  if (result.success) {
    const lost: FieldViolation[] = [];
    restoreProtoKeys(raw, result.data, root, lost);
    if (lost.length) throw invalidArgument(lost);
    return result.data;
  }
  const violations: FieldViolation[] = result.error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (at, key) => memberPath(at, typeof key === 'number' ? key : String(key)),
      root,
    );
    if (issue.code === 'unrecognized_keys')
      return {
        field: memberPath(path, issue.keys[0]!),
        description: `Invalid JSON payload received. Unknown name "${issue.keys.join('", "')}" at '${path}': Cannot find field.`,
      };
    if (issue.code === 'invalid_union' || issue.code === 'invalid_value')
      return { field: path, description: `Invalid value at '${path}' (TYPE_ENUM): not a known enum value.` };
    return { field: path, description: `Invalid value at '${path}': ${issue.message}` };
  });
  throw invalidArgument(violations);
}
