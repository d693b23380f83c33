import fs from 'node:fs';
import path from 'node:path';

/**
 * Who may import whom, by resolved path (not by the import's text, which `../..` hides): a local
 * ESLint rule, because the glob patterns of `no-restricted-imports` match the import string only and
 * an extglob there silently matched nothing. `eslint/import-boundaries.test.ts` plants a bad import
 * for every zone and expects the error, so a zone cannot stop firing unnoticed.
 */

const ROOT = path.dirname(import.meta.dirname);

/** The features, from the folders under src/features: each may import none of the others. */
export const FEATURES = fs
  .readdirSync(path.join(ROOT, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Each zone: files under `from` may not import anything under `forbidden`, unless it is under
 * `allowed`. Paths are relative to the repository, with a trailing slash.
 */
export const ZONES = [
  ...FEATURES.map((feature) => ({
    from: `src/features/${feature}/`,
    forbidden: ['src/features/'],
    allowed: [`src/features/${feature}/`],
    message: `Features never import each other: move what ${feature} needs to src/components, src/lib or src/schemas, or compose it in src/app.`,
  })),
  {
    from: 'src/features/',
    forbidden: ['src/app/'],
    message: 'Features never import src/app: the app composes features, not the other way round.',
  },
  {
    from: 'src/components/',
    forbidden: ['src/features/', 'src/app/'],
    message: 'Shared components know no feature and no app.',
  },
  {
    from: 'src/lib/',
    forbidden: ['src/features/', 'src/app/', 'src/components/'],
    message: 'src/lib is below components, features and the app.',
  },
  {
    from: 'src/schemas/',
    forbidden: ['src/'],
    allowed: ['src/schemas/'],
    message: 'src/schemas is pure and shared with the server: it imports only itself.',
  },
  {
    from: 'src/',
    forbidden: ['server/'],
    // The shared schemas' tests check them against the discovery document with the server's checker.
    exceptFiles: /^src\/schemas\/[^/]+\.test\.ts$/,
    allowed: ['server/testing/'],
    message: 'The console talks to the server over HTTP only.',
  },
  {
    from: 'server/',
    forbidden: ['src/'],
    allowed: ['src/schemas/'],
    message: 'The server shares only src/schemas with the console.',
  },
];

const under = (file, folder) => file === folder.slice(0, -1) || file.startsWith(folder);

/** The zone message for `file` importing `target` (both relative to the repository), if forbidden. */
export function violation(file, target) {
  for (const zone of ZONES) {
    if (!under(file, zone.from)) continue;
    if (!zone.forbidden.some((folder) => under(target, folder))) continue;
    const allowed = (zone.allowed ?? []).some((folder) => under(target, folder));
    if (allowed && (!zone.exceptFiles || zone.exceptFiles.test(file))) continue;
    return zone.message;
  }
  return undefined;
}

export const importBoundaries = {
  meta: { name: 'import-boundaries' },
  rules: {
    zones: {
      meta: {
        type: 'problem',
        schema: [],
        docs: { description: 'Import zones between the parts of the tree' },
      },
      create(context) {
        const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
        const check = (node) => {
          const source = node.source;
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
          if (!source.value.startsWith('.')) return; // a package
          const absolute = path.resolve(path.dirname(context.filename), source.value);
          const target = path.relative(ROOT, absolute).split(path.sep).join('/');
          const message = violation(file, target);
          if (message) context.report({ node: source, message: `${message} (${source.value})` });
        };
        return {
          ImportDeclaration: check,
          ImportExpression: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
        };
      },
    },
  },
};
