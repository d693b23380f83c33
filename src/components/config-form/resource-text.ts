import type * as z from 'zod/mini';
import { enumFields } from '../../schemas/enums';

/**
 * Sessions and templates as text: JSON (View JSON, `gcloud … describe --format=json`) or YAML
 * (`gcloud dataproc session-templates export`). The YAML library loads only when text is read or
 * written, so the forms' own code stays small.
 */

export interface ParsedText {
  raw?: Record<string, unknown>;
  error?: string;
}

async function parseResourceText(text: string, what: string): Promise<ParsedText> {
  const trimmed = text.trim();
  let raw: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      raw = JSON.parse(trimmed);
    } catch (error) {
      return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  } else {
    const YAML = await import('yaml');
    const doc = YAML.parseDocument(trimmed);
    if (doc.errors.length) return { error: `Not valid YAML: ${doc.errors[0]!.message}` };
    // Every input field of a session or template is a string (or an enum name), so a plain
    // scalar is read as its text, as gcloud reads it into a string field: `cores: 4` is "4" and
    // `version: 3.0` stays "3.0" (a number would make it "3").
    YAML.visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value === 'number' || typeof node.value === 'boolean')
          node.value = node.source ?? String(node.value);
      },
    });
    raw = doc.toJS();
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { error: `Expected a JSON or YAML object (a ${what}).` };
  return { raw: raw as Record<string, unknown> };
}

type Path = (string | number)[];

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) parent.splice(last, 1);
    else parent[last] = value;
  } else if (parent && typeof parent === 'object') {
    const record = parent as Record<string | number, unknown>;
    if (value === undefined) delete record[last];
    else record[last] = value;
  }
}

/** The allowed names of the enum a field holds (its last named path segment), unspecified left out. */
function allowedValues(path: Path): string[] | undefined {
  const field = [...path].reverse().find((s): s is string => typeof s === 'string');
  const values =
    field && Object.hasOwn(enumFields, field) ? [...enumFields[field]!.numberOf.keys()] : undefined;
  return values?.filter((v) => !v.endsWith('_UNSPECIFIED'));
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** A value the form could not use, by field: `label` names it as the form does. */
export interface ImportProblem {
  path: Path;
  message: string;
}

/**
 * Parses what can be parsed and drops what cannot, one value at a time, saying why: a bad enum
 * lists the allowed values; a number or true/false where text is expected is taken as its text
 * (JSON `"cores": 4`). The schema's own message is never the whole story ("Invalid input").
 */
function parseKeepingWhatFits<S extends z.ZodMiniType>(
  schema: S,
  input: Record<string, unknown>,
): { data?: z.output<S>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = schema.safeParse(input);
    if (result.success) return { data: result.data, problems };
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    const value = valueAt(input, path);
    if (path.length === 0) return { problems: [...problems, { path, message: issue.message }] };
    if (
      issue.code === 'invalid_type' &&
      issue.expected === 'string' &&
      (typeof value === 'number' || typeof value === 'boolean')
    ) {
      setAt(input, path, String(value));
      continue;
    }
    const allowed = allowedValues(path);
    const message =
      value === null
        ? undefined
        : allowed
          ? `${shown(value)} is not one of ${allowed.join(', ')}`
          : Array.isArray(value)
            ? 'expected a single value, got a list'
            : value && typeof value === 'object'
              ? 'expected a single value, got a set of fields'
              : issue.code === 'invalid_type' && issue.expected === 'array'
                ? `expected a list, got ${shown(value)}`
                : issue.code === 'invalid_type' &&
                    (issue.expected === 'object' || issue.expected === 'record')
                  ? `expected a set of fields, got ${shown(value)}`
                  : `${shown(value)} cannot be used here`;
    // null is YAML's and JSON's "not set": nothing is lost by leaving it out.
    if (message) problems.push({ path, message });
    setAt(input, path, undefined);
  }
  return { problems: [...problems, { path: [], message: 'too many values could not be read' }] };
}

export interface ImportResult<V> {
  values?: V;
  error?: string;
  /** Fields in the text the form does not take: output-only ones and unknown ones. */
  ignored: string[];
  /** Values the form could not use, by field, each with why ("Idle TTL: "45x" is not a duration…"). */
  problems?: string[];
}

/**
 * Reads a session or template from text: output-only fields (and `other`, with why) are listed
 * and left out, unknown fields (per the strict schema) listed and dropped; `prepare` turns values
 * into the API's form (durations) and names what it cannot; the rest is parsed value by value, and
 * every value that does not fit is named by `label` and dropped, never the whole import.
 */
export async function readResource<S extends z.ZodMiniType>(
  text: string,
  what: string,
  schemas: { strict: z.ZodMiniType; lenient: S },
  setByService: readonly string[],
  options: {
    other?: Record<string, string>;
    prepare?: (raw: Record<string, unknown>) => ImportProblem[];
    label: (path: Path) => string;
  },
): Promise<{
  data?: z.output<S>;
  raw?: Record<string, unknown>;
  error?: string;
  ignored: string[];
  problems: string[];
}> {
  const { raw, error } = await parseResourceText(text, what);
  if (!raw) return { error, ignored: [], problems: [] };
  const ignored: string[] = [];
  for (const field of setByService) if (field in raw) ignored.push(`${field} (set by the service)`);
  for (const [field, why] of Object.entries(options.other ?? {}))
    if (field in raw) ignored.push(`${field} (${why})`);
  const strictResult = schemas.strict.safeParse(raw);
  if (!strictResult.success)
    for (const issue of strictResult.error.issues)
      if (issue.code === 'unrecognized_keys')
        ignored.push(...issue.keys.map((k) => `${[...issue.path, k].join('.')} (unknown field)`));
  const kept = structuredClone(
    Object.fromEntries(Object.entries(raw).filter(([k]) => !setByService.includes(k))),
  );
  const prepared = options.prepare?.(kept) ?? [];
  const { data, problems } = parseKeepingWhatFits(schemas.lenient, kept);
  const words = [...prepared, ...problems].map((p) => `${options.label(p.path)}: ${p.message}`);
  if (data === undefined) return { error: `Not a ${what}: ${words.join('; ')}`, ignored, problems: [] };
  return { data, raw, ignored, problems: words };
}

export async function toYaml(value: unknown): Promise<string> {
  const YAML = await import('yaml');
  return YAML.stringify(value);
}
