#!/usr/bin/env node
// `pnpm test:soak`: each soak file in a Vitest run of its own, one after another. Run
// together in one Vitest process, the worker for a later file was seen to start and never
// run (idle, no output) after the heavy files before it; one file per run never did.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
// packages/*/test/**/*.soak.ts (Node 20 has no fs.globSync).
const files = readdirSync(join(root, 'packages'))
  .flatMap((pkg) => soakFiles(join('packages', pkg, 'test')))
  .sort();

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
const failed = [];
for (const file of files) {
  console.log(`\n[soak] ${file}`);
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', 'vitest.soak.config.ts', file, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) failed.push(file);
}
console.log(`\n${files.length - failed.length} passed, ${failed.length} failed`);
for (const file of failed) console.log(`  failed: ${file}`);
process.exit(failed.length === 0 ? 0 : 1);
