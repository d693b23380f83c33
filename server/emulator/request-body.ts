import type * as z from 'zod/mini';
import type { FieldViolation } from '../../src/schemas/wire';
import { RpcError, invalidArgument } from './errors';

/**
 * Parses a JSON request body the way Google's front end does: malformed JSON, unknown field names
 * and unknown enum values are all 400 INVALID_ARGUMENT, naming the field.
 */
export function parseJsonBody<S extends z.ZodMiniType>(schema: S, text: string, root: string): z.output<S> {
  let raw: unknown;
  if (text.trim() === '') raw = {};
  else {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid JSON payload received. ${error instanceof Error ? error.message : 'Unparseable body'}.`,
      );
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new RpcError(
      'INVALID_ARGUMENT',
      `Invalid JSON payload received. Expected an object for '${root}'.`,
    );
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const violations: FieldViolation[] = result.error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys')
      return {
        field: `${path}.${issue.keys[0]}`,
        description: `Invalid JSON payload received. Unknown name "${issue.keys.join('", "')}" at '${path}': Cannot find field.`,
      };
    if (issue.code === 'invalid_union' || issue.code === 'invalid_value')
      return { field: path, description: `Invalid value at '${path}' (TYPE_ENUM): not a known enum value.` };
    return { field: path, description: `Invalid value at '${path}': ${issue.message}` };
  });
  throw invalidArgument(violations);
}
