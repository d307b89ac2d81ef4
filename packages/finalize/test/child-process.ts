import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren as bundleForChildren } from '@w/test-support/build-for-children';
import { build } from 'tsup';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds this package, and @w/core from source, into a temporary directory, so the child
 * processes run the current code without racing a concurrent `tsup` on `dist/`.
 */
export function buildForChildren(): ReturnType<typeof bundleForChildren> {
  return bundleForChildren({
    finalize: join(packageDir, 'src/index.ts'),
    core: join(packageDir, '../core/src/index.ts'),
  });
}

/**
 * A second copy of this package, as `require` loads it: its CommonJS build from source, with
 * its own @w/core inside, as `finalize-cjs.cjs` in `dir`. Returns the file's path.
 */
export async function buildCommonJs(dir: string): Promise<string> {
  await build({
    config: false,
    silent: true,
    entry: { 'finalize-cjs': join(packageDir, 'src/index.ts') },
    outDir: dir,
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    target: 'es2022',
    dts: false,
    noExternal: [/^@w\//],
    esbuildOptions(options) {
      options.conditions = ['source'];
    },
  });
  return join(dir, 'finalize-cjs.cjs');
}

export interface ChildResult {
  stdout: string[];
  stderr: string;
  status: number | null;
}

/** Runs `body` as an ES module in a fresh `node`, with `finalize`, `Finalizer` and `setUnraisableHook` imported. */
export function runChild(dir: string, body: string): ChildResult {
  const script = join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `import { finalize, Finalizer } from './finalize.js';\n` +
      `import { setUnraisableHook } from './core.js';\n${body}\n`,
  );
  const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
  const stdout = child.stdout.split('\n').filter((line) => line !== '');
  return { stdout, stderr: child.stderr, status: child.status };
}
