import type * as z from 'zod/mini';

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
    try {
      raw = YAML.parse(trimmed);
    } catch (error) {
      return { error: `Not valid YAML: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { error: `Expected a JSON or YAML object (a ${what}).` };
  return { raw: raw as Record<string, unknown> };
}

export interface ImportResult<V> {
  values?: V;
  error?: string;
  /** Fields in the text the form does not take: output-only ones and unknown ones. */
  ignored: string[];
}

/**
 * Reads a session or template from text: output-only fields (and `other`, with why) are listed
 * and left out, unknown fields (per the strict schema) listed and dropped, the rest parsed.
 */
export async function readResource<S extends z.ZodMiniType>(
  text: string,
  what: string,
  schemas: { strict: z.ZodMiniType; lenient: S },
  setByService: readonly string[],
  other: Record<string, string> = {},
): Promise<{ data?: z.output<S>; raw?: Record<string, unknown>; error?: string; ignored: string[] }> {
  const { raw, error } = await parseResourceText(text, what);
  if (!raw) return { error, ignored: [] };
  const ignored: string[] = [];
  for (const field of setByService) if (field in raw) ignored.push(`${field} (set by the service)`);
  for (const [field, why] of Object.entries(other)) if (field in raw) ignored.push(`${field} (${why})`);
  const strictResult = schemas.strict.safeParse(raw);
  if (!strictResult.success)
    for (const issue of strictResult.error.issues)
      if (issue.code === 'unrecognized_keys')
        ignored.push(...issue.keys.map((k) => `${[...issue.path, k].join('.')} (unknown field)`));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !setByService.includes(k)));
  const parsed = schemas.lenient.safeParse(kept);
  if (!parsed.success)
    return {
      error: `Not a ${what}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
      ignored,
    };
  return { data: parsed.data, raw, ignored };
}

/** The notice after an import: what was not taken, by name. */
export function importedNotice(ignored: string[]): string {
  return ignored.length ? `Imported. These fields were not taken: ${ignored.join(', ')}.` : 'Imported.';
}

export async function toYaml(value: unknown): Promise<string> {
  const YAML = await import('yaml');
  return YAML.stringify(value);
}
