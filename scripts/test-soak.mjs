#!/usr/bin/env node
// `pnpm test:soak`: each soak file in a Vitest run of its own, one after another. Run
// together in one Vitest process, the worker for a later file was seen to start and never
// run (idle, no output) after the heavy files before it; one file per run never did.
// `--runtime=node24` runs them on a pinned Node (scripts/runtimes/install.mjs) instead of
// this one; `--file=scale` runs only the files whose path contains `scale`; other arguments
// go to Vitest.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installRuntime } from './runtimes/install.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
// packages/*/test/**/*.soak.ts (Node 20 has no fs.globSync).
const option = (name) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('file') ?? '';
const files = readdirSync(join(root, 'packages'))
  .flatMap((pkg) => soakFiles(join('packages', pkg, 'test')))
  .filter((file) => file.includes(only))
  .sort();
if (files.length === 0) {
  console.error(`[soak] no soak file's path contains '${only}'`);
  process.exit(1);
}

function soakFiles(dir) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return soakFiles(path);
    return entry.name.endsWith('.soak.ts') ? [path] : [];
  });
}
const runtime = option('runtime');
const vitestArgs = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--runtime=') && !arg.startsWith('--file='));
// Vitest's forks run on the Node that runs Vitest (process.execPath).
const node = runtime === undefined ? process.execPath : installRuntime(runtime);
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`[soak] ${files.length} files on Node ${version}`);
const failed = [];
for (const file of files) {
  console.log(`\n[soak] ${file}`);
  const run = spawnSync(
    node,
    [vitest, 'run', '--config', 'vitest.soak.config.ts', file, ...vitestArgs],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) failed.push(file);
}
console.log(`\n${files.length - failed.length} passed, ${failed.length} failed on Node ${version}`);
for (const file of failed) console.log(`  failed: ${file}`);
process.exit(failed.length === 0 ? 0 : 1);
