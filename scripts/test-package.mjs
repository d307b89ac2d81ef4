#!/usr/bin/env node
// `pnpm test` in a package folder (or docs/): the tests under that folder, through the root
// Vitest config, so they run exactly as in the source loop. Arguments go on to Vitest:
// `pnpm test -- -t <name>` runs the tests whose name matches (pnpm passes the `--` on, and
// Vitest would ignore everything after it, so it is dropped here).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const project = process.cwd() === `${root}docs` ? 'docs' : 'packages';
const vitest = `${root}node_modules/vitest/vitest.mjs`;
const { status } = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', `${root}vitest.config.ts`, '--project', project, './', ...args],
  { stdio: 'inherit' },
);
process.exit(status ?? 1);
