// `pnpm demo` as a user runs it: the built demo in its own process, to its exit.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { tutorial } from '../src/tutorial';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

test('pnpm demo prints the tutorial in order, and the at-exit finalizer under its own heading', () => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run pnpm build first`);
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
