// The API reference's "Defined in" links (docs/api, which TypeDoc writes in `pnpm build`):
// each points at a file and line that exist in the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const api = join(root, 'docs/api');
const blob = 'https://github.com/w-weakref/weakref/blob/main/';

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? pages(path) : entry.name.endsWith('.md') ? [path] : [];
  });
}

it('every source link names a repository file and a line in it', () => {
  expect(existsSync(api), 'docs/api is missing: run `pnpm --filter @w/docs api`').toBe(true);
  const links = pages(api).flatMap((page) =>
    [...readFileSync(page, 'utf8').matchAll(/\]\((https:\/\/github\.com\/[^)]+)\)/g)].map(
      ([, url]) => url as string,
    ),
  );
  expect(links.length).toBeGreaterThan(100);
  const broken = links.filter((url) => {
    const [, path, line] = /^([^#]*)#L(\d+)$/.exec(url.slice(blob.length)) ?? [];
    if (!url.startsWith(blob) || path === undefined || path.includes('..')) return true;
    const file = join(root, path);
    return !existsSync(file) || readFileSync(file, 'utf8').split('\n').length < Number(line);
  });
  expect(broken).toEqual([]);
});
