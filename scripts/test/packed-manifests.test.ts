import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { publishedPackages, root } from './published-packages';

const run = promisify(execFile);
const into = mkdtempSync(`${tmpdir()}/w-packed-manifests-`);
afterAll(() => rmSync(into, { recursive: true, force: true }));

/** The packages under packages/ that are never published (`@w/test-support`, `@w/bench`, ...). */
function privateNames(): string[] {
  return readdirSync(`${root}packages`)
    .map((dir) => JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8')))
    .filter((manifest) => manifest.private)
    .map((manifest) => manifest.name);
}

it('a packed manifest has no devDependencies and names no private workspace package', async () => {
  const packages = publishedPackages();
  await Promise.all(
    packages.map(({ dir }) => run('pnpm', ['pack', '--pack-destination', into], { cwd: dir })),
  );
  const names = privateNames();
  expect(names).toContain('@w/test-support');
  for (const tarball of readdirSync(into)) {
    const { stdout } = await run('tar', ['-xzOf', `${into}/${tarball}`, 'package/package.json']);
    const manifest = JSON.parse(stdout);
    expect(manifest.devDependencies, tarball).toBeUndefined();
    for (const name of names) expect(stdout, `${tarball} names ${name}`).not.toContain(`"${name}"`);
  }
  expect(readdirSync(into)).toHaveLength(packages.length);
});
