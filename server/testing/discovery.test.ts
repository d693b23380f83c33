import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_PATH, discovery } from './discovery';

/** The repository is self-contained (issue 15, item 7): the discovery document lives in it. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the discovery document', () => {
  it('is read from the repository, at the revision its note states', () => {
    expect(path.relative(ROOT, DISCOVERY_PATH)).toBe(path.join('reference', 'dataproc-v1-discovery.json'));
    const { revision } = JSON.parse(fs.readFileSync(DISCOVERY_PATH, 'utf8')) as { revision: string };
    expect(fs.readFileSync(path.join(ROOT, 'reference/README.md'), 'utf8')).toContain(
      `revision **${revision}**`,
    );
    expect(Object.keys(discovery.schemas)).toContain('Session');
  });

  it('generates exactly the committed Spark schemas (src/schemas/spark.ts)', async () => {
    const generated = execFileSync('python3', [path.join(ROOT, 'scripts/gen-spark-schemas.py')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const file = path.join(ROOT, 'src/schemas/spark.ts');
    const options = (await prettier.resolveConfig(file)) ?? {};
    const formatted = await prettier.format(generated, { ...options, filepath: file });
    expect(formatted).toBe(fs.readFileSync(file, 'utf8'));
  });
});
