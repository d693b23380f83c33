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

export async function parseResourceText(text: string, what: string): Promise<ParsedText> {
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

/** Fields the form will not take: output-only ones (and others named), and unknown ones. */
export function droppedFields(
  raw: Record<string, unknown>,
  strict: z.ZodMiniType,
  setByService: readonly string[],
  other: Record<string, string> = {},
): string[] {
  const dropped: string[] = [];
  for (const field of setByService) if (field in raw) dropped.push(`${field} (set by the service)`);
  for (const [field, why] of Object.entries(other)) if (field in raw) dropped.push(`${field} (${why})`);
  const result = strict.safeParse(raw);
  if (!result.success)
    for (const issue of result.error.issues)
      if (issue.code === 'unrecognized_keys')
        dropped.push(...issue.keys.map((k) => `${[...issue.path, k].join('.')} (unknown field)`));
  return dropped;
}

/** The object without the named fields: output-only ones are dropped before the rest is read. */
export function withoutFields(
  raw: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !fields.includes(k)));
}

export async function toYaml(value: unknown): Promise<string> {
  const YAML = await import('yaml');
  return YAML.stringify(value);
}
