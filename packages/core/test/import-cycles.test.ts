import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No file under packages/*/src may import itself back, directly or around a loop: type-only
// imports count too (one idea per file, each with one home). `@w/*` imports are followed
// into the imported package's source, so a loop across packages is caught as well.

const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
const root = dirname(packagesDir);

/** `@w/core/internal` -> that package's source file, from its manifest's `source` condition. */
function workspaceEntries(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const dir of readdirSync(packagesDir)) {
    const manifestPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const [subpath, conditions] of Object.entries<{ source?: string }>(
      manifest.exports ?? {},
    )) {
      if (typeof conditions?.source !== 'string') continue;
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      entries.set(specifier, resolve(packagesDir, dir, conditions.source));
    }
  }
  return entries;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g;

function importsOf(file: string, entries: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (specifier!.startsWith('.')) {
      const base = resolve(dirname(file), specifier!);
      const target = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
      if (target !== undefined) found.push(target);
    } else if (entries.has(specifier!)) {
      found.push(entries.get(specifier!)!);
    }
  }
  return found;
}

/** The first import loop found from the source files, as a list of files, or `undefined`. */
function findCycle(files: string[]): string[] | undefined {
  const entries = workspaceEntries();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (done.has(file)) return undefined;
    const onPath = path.indexOf(file);
    if (onPath !== -1) return [...path.slice(onPath), file];
    path.push(file);
    for (const next of importsOf(file, entries)) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    done.add(file);
    return undefined;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle !== undefined) return cycle.map((f) => relative(root, f));
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the import graph of packages/*/src', () => {
  const files = readdirSync(packagesDir).flatMap((dir) =>
    sourceFiles(join(packagesDir, dir, 'src')),
  );

  it('covers every package', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith(join('finalize', 'src', 'finalizer.ts')))).toBe(true);
  });

  it('has no cycle', () => {
    expect(findCycle(files)).toBeUndefined();
  });
});
