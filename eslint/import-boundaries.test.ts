import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Lints planted imports with the project's own ESLint configuration (as `npm run lint` does), so a
 * zone that stops matching fails here instead of letting bad imports through in silence.
 */
const ROOT = path.dirname(import.meta.dirname);
const eslint = new ESLint({ cwd: ROOT });
// Read here, not from the rule: a new feature folder must be covered without anyone listing it.
const FEATURES = fs
  .readdirSync(path.join(ROOT, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

async function zoneErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/zones').map((m) => m.message);
}

describe('import zones (eslint/import-boundaries.js)', () => {
  it('knows every feature folder', () => {
    expect(FEATURES).toEqual(expect.arrayContaining(['sessions', 'session-templates', 'spark']));
  });

  it('refuses an import from one feature into another, for every pair of features', async () => {
    for (const from of FEATURES)
      for (const to of FEATURES.filter((f) => f !== from)) {
        const errors = await zoneErrors(
          `src/features/${from}/components/planted.tsx`,
          `import { x } from '../../${to}/anything';\nexport const y = x;\n`,
        );
        expect(errors, `${from} → ${to}`).toEqual([
          expect.stringContaining('Features never import each other'),
        ]);
      }
  });

  it('catches re-exports and dynamic imports too', async () => {
    const file = 'src/features/spark/planted.ts';
    expect(await zoneErrors(file, "export * from '../sessions/list-filters';\n")).toHaveLength(1);
    expect(
      await zoneErrors(file, "export const m = () => import('../sessions/list-filters');\n"),
    ).toHaveLength(1);
  });

  it('refuses a feature importing src/app', async () => {
    expect(
      await zoneErrors(
        'src/features/sessions/planted.ts',
        "import { AppRoutes } from '../../app/router';\nexport { AppRoutes };\n",
      ),
    ).toEqual([expect.stringContaining('Features never import src/app')]);
  });

  it('refuses the server importing anything of the console but src/schemas', async () => {
    const server = (spec: string) =>
      zoneErrors('server/planted.ts', `import { x } from '${spec}';\nexport { x };\n`);
    expect(await server('../src/features/sessions/list-filters')).toEqual([
      expect.stringContaining('The server shares only src/schemas'),
    ]);
    expect(await server('../src/lib/paths')).toHaveLength(1);
    expect(await server('./emulator/../../src/app/routes')).toHaveLength(1);
    expect(await server('../src/schemas/first-page')).toEqual([]);
  });

  it('refuses the console importing the server, and src/schemas importing the console', async () => {
    expect(
      await zoneErrors('src/lib/planted.ts', "import { x } from '../../server/app';\nexport { x };\n"),
    ).toEqual([expect.stringContaining('over HTTP only')]);
    expect(
      await zoneErrors('src/schemas/planted.ts', "import { x } from '../lib/paths';\nexport { x };\n"),
    ).toHaveLength(1);
  });

  it('lets a feature import itself and the shared folders', async () => {
    const code = [
      "import { a } from './list-filters';",
      "import { b } from '../../lib/paths';",
      "import { c } from '../../components/data-table';",
      "import { d } from '../../schemas/names';",
      'export { a, b, c, d };',
      '',
    ].join('\n');
    expect(await zoneErrors('src/features/sessions/planted.ts', code)).toEqual([]);
  });
});
