import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';

/**
 * Bundles `entries` (name -> source file) from source into a temporary directory as ES
 * modules (`<name>.js`), for tests that run code in child processes. One build with shared
 * chunks, so every entry uses the same `@w/core` (one unraisable hook, one registry).
 * With `cjs` in `formats`, each entry also comes as `<name>.cjs`: a second copy of what it
 * bundles, as a user's CommonJS build of the package is.
 */
export async function buildForChildren(
  entries: Record<string, string>,
  formats: ('esm' | 'cjs')[] = ['esm'],
): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'w-children-'));
  await build({
    config: false,
    silent: true,
    entry: entries,
    outDir: dir,
    format: formats,
    // tsup splits CommonJS only experimentally: a build with `cjs` has no shared chunks.
    splitting: !formats.includes('cjs'),
    target: 'es2022',
    dts: false,
    noExternal: [/^@w\//],
    esbuildOptions(options) {
      options.conditions = ['source'];
    },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
