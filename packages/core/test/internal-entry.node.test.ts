import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as internal from '@w/core/internal';
import { expect, it } from 'vitest';

// Issue 23: the internal entry lists only what siblings import, at most 28 names.
const packages = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function namesIn(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim().replace(/^type /, ''))
    .filter((name) => name !== '');
}

it('the internal entry exports what the siblings import from it, and nothing else', () => {
  const imported = new Set<string>();
  for (const name of readdirSync(packages)) {
    if (name === 'core') continue;
    let files: string[];
    try {
      files = sourceFiles(join(packages, name, 'src'));
    } catch {
      continue; // a package without src/
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, list] of text.matchAll(
        /import (?:type )?\{([^}]*)\} from '@w\/core\/internal'/g,
      )) {
        for (const imported_ of namesIn(list as string)) imported.add(imported_);
      }
    }
  }
  const entry = readFileSync(join(packages, 'core/src/internal.ts'), 'utf8');
  const exported = [...entry.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap(([, list]) =>
    namesIn(list as string),
  );
  expect(exported.sort()).toEqual([...imported].sort());
  expect(exported.length).toBeLessThanOrEqual(28);
  // The runtime values are the ones the source lists.
  for (const name of Object.keys(internal)) expect(exported).toContain(name);
});
