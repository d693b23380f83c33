/**
 * Building gcloud command lines that a POSIX shell and gcloud read back exactly as meant.
 *
 * Shell: a value with anything but safe characters goes in single quotes ('' cannot hold a quote,
 * so each ' becomes '\''). gcloud: list and dict flags split on commas, so a value with a comma uses
 * gcloud's alternative-delimiter syntax, `^DELIM^a=1,2DELIMb=3` (see `gcloud topic escaping`).
 */

/** A shell word for `value`, quoted only when it has to be. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

const DELIMITERS = ['|', '#', ';', '@', '~', '!', '%', '+', ':', '/', '*'];

/** Joins list items for a gcloud list or dict flag, switching delimiter when an item has a comma. */
export function gcloudJoin(items: string[]): string {
  const text = items.join('\u0000');
  // A leading ^ would itself read as the delimiter syntax, so it takes the syntax too.
  if (!text.includes(',') && !text.startsWith('^')) return items.join(',');
  const delimiter =
    DELIMITERS.find((d) => !text.includes(d)) ??
    // Every single character is taken: a run of them is still a delimiter gcloud accepts.
    Array.from({ length: 8 }, (_, n) => '|'.repeat(n + 2)).find((d) => !text.includes(d))!;
  return `^${delimiter}^${items.join(delimiter)}`;
}

/** `KEY=VALUE` pairs for a gcloud dict flag (`--labels`, `--property`). */
export function gcloudDict(map: Record<string, string> | undefined): string | undefined {
  const entries = Object.entries(map ?? {});
  return entries.length ? gcloudJoin(entries.map(([k, v]) => `${k}=${v}`)) : undefined;
}

/** An API enum value as gcloud's choice flags spell it (END_USER_CREDENTIALS → end-user-credentials). */
export function gcloudChoice(value: string | undefined): string | undefined {
  if (!value || value.endsWith('_UNSPECIFIED')) return undefined;
  return value.toLowerCase().replace(/_/g, '-');
}

/** One command line, `\`-continued, with flags added only when they have a value. */
export class CommandLine {
  private readonly parts: string[];
  constructor(command: string) {
    this.parts = [command];
  }
  /** A positional argument, on the command's own line. */
  arg(value: string): this {
    this.parts[0] += ` ${shellQuote(value)}`;
    return this;
  }
  flag(name: string, value: string | undefined): this {
    if (value !== undefined && value !== '') this.parts.push(`--${name}=${shellQuote(value)}`);
    return this;
  }
  toString(): string {
    return this.parts.join(' \\\n  ');
  }
}
