// `pnpm demo` as a user runs it: the demo, bundled from source, in its own Node process, to
// its exit (Node's exit semantics: *.node.test.ts files do not run on Bun, Deno or Chromium).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tutorial } from '../src/tutorial';

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren({
    main: fileURLToPath(new URL('../src/main.ts', import.meta.url)),
  });
}, 60_000);
afterAll(() => built?.remove());

test('pnpm demo prints the tutorial in order, and the at-exit finalizer under its own heading', () => {
  const main = join(built.dir, 'main.js');
  const run = spawnSync(process.execPath, ['--expose-gc', main], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);

  const headings = [...run.stdout.matchAll(/^=== (.*) ===$/gm)].map((match) => match[1]);
  const atExit = 'At exit: the finalizers still alive run';
  expect(headings).toEqual([...tutorial.map((step) => step.title), atExit]);

  const lastSection = run.stdout.slice(run.stdout.indexOf(`=== ${atExit} ===`));
  expect(lastSection.trim().split('\n').slice(1)).toEqual([
    'at exit: the survivor finalizer (atexit is on)',
  ]);
  expect(run.stdout).not.toContain('you will not see this line');
  // Python's `a is b` / `a is c`, from the WeakValueDictionary cache.
  expect(run.stdout).toMatch(/^a is b: false\na is c: true$/m);
});
