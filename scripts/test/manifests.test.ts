import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedJsr, expectedManifest, manifestPaths, readJson, specs } from '../manifests.mjs';
import { publishedPackages, root } from './published-packages';

const fix = 'run `node scripts/manifests.mjs` (or change its spec, not the file)';

it('every published package has a spec in scripts/manifests.mjs', () => {
  const dirs = publishedPackages().map(({ dir }) => dir.slice(`${root}packages/`.length));
  expect(dirs.sort()).toEqual(Object.keys(specs).sort());
});

describe.each(Object.keys(specs))('packages/%s', (dir) => {
  const { packageJson, jsrJson } = manifestPaths(dir);

  it('package.json is what the generator writes', () => {
    const current = readJson(packageJson);
    // Stringified, so a field in the wrong order counts as drift too.
    expect(JSON.stringify(current, null, 2), fix).toBe(
      JSON.stringify(expectedManifest(dir, current), null, 2),
    );
  });

  it('jsr.json is what the generator writes, at the package version', () => {
    expect(existsSync(jsrJson), `${jsrJson} is missing: ${fix}`).toBe(true);
    const expected = expectedJsr(dir, readJson(packageJson));
    expect(JSON.stringify(readJson(jsrJson), null, 2), fix).toBe(JSON.stringify(expected, null, 2));
  });

  it('depends on no sibling its sources never import', () => {
    const srcDir = `${root}packages/${dir}/src`;
    const sources = readdirSync(srcDir)
      .map((file) => readFileSync(`${srcDir}/${file}`, 'utf8'))
      .join('\n');
    const unused = Object.keys(readJson(packageJson).dependencies ?? {}).filter(
      (name) => !sources.includes(`'${name}'`) && !sources.includes(`'${name}/`),
    );
    expect(unused).toEqual([]);
  });

  it('every source entry the manifests name exists', () => {
    const entries = Object.values(expectedJsr(dir, readJson(packageJson)).exports);
    const src = readdirSync(`${root}packages/${dir}/src`);
    for (const entry of entries) expect(src).toContain(entry.slice('./src/'.length));
  });
});
