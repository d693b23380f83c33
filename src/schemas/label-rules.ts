/**
 * The label and duration rules (part of src/schemas/rules.ts, which re-exports them), in a module
 * of their own: the session list needs them at first paint (label chips, the filter bar, times
 * left), and importing them from rules.ts would put every form rule into the list's JavaScript.
 */

/** RFC 1035 label: a letter first, then letters, digits and hyphens, no hyphen last. */
export const LABEL_KEY = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
/** Values may be empty; a digit may lead (our reading, so `version=2` works; see README). */
export const LABEL_VALUE = /^(?:[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)?$/;
export const DURATION = /^(\d{1,12})(?:\.(\d{1,9}))?s$/;

export function labelKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'A label key cannot be empty.';
  if (key.length > 63) return `A label key must be at most 63 characters (it has ${key.length}).`;
  if (!LABEL_KEY.test(key))
    return 'A label key must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and not end with a hyphen.';
  if (isSystemLabel(key)) return 'Label keys starting with "goog-" are reserved for Google Cloud.';
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `A label value must be at most 63 characters (it has ${value.length}).`;
  if (!LABEL_VALUE.test(value))
    return 'A label value may be empty; otherwise lowercase letters, digits and hyphens, not starting or ending with a hyphen.';
  return undefined;
}

/** Labels the service adds itself (`goog-…`): shown apart from the user's own, never copied into a form. */
export function isSystemLabel(key: string): boolean {
  return key.startsWith('goog-');
}

/** `"3600s"` → 3600; undefined when the text is not a google-duration. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) + (match[2] ? Number(`0.${match[2]}`) : 0);
}
