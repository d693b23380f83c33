import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_PRICE_TABLE, parsePriceTable, type PriceTable } from '../src/schemas/prices';

/** Why `--prices FILE` was refused, in a sentence naming the file and the field. */
export class PriceFileError extends Error {}

/**
 * The price table of `--prices FILE` (JSON or YAML; YAML is a superset, so one parser reads both),
 * checked with the same schema the page reads it with. No file: the table in code.
 */
export function loadPriceTable(file: string | undefined): PriceTable {
  if (file === undefined) return DEFAULT_PRICE_TABLE;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PriceFileError(`--prices ${file}: cannot read the file (${(error as Error).message}).`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new PriceFileError(
      `--prices ${file}: not JSON or YAML (${(error as Error).message.split('\n')[0]}).`,
    );
  }
  const result = parsePriceTable(data);
  if (!result.ok) throw new PriceFileError(`--prices ${file}: ${result.field}: ${result.message}`);
  return result.table;
}
