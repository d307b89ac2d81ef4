import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishedPackages, root } from './published-packages';

// `changeset version` on a copy of the workspace's manifests and changeset config, with two
// changesets committed to a fresh git repository, offline: what the changelogs then say.
const repo = mkdtempSync(`${tmpdir()}/w-changelog-`);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const changesets = {
  'faster-refs.md': '---\n"@w/ref": patch\n---\n\nRefs are cheaper to create.\n',
  'set-pop.md':
    '---\n"@w/weak-set": minor\n"@w/weakref": minor\n---\n\nIterableWeakSet gains `pop()`.\n',
};
let commit = '';

beforeAll(() => {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
  writeFileSync(
    `${repo}/package.json`,
    JSON.stringify({ name: 'w', private: true, version: '0.0.0' }),
  );
  writeFileSync(`${repo}/pnpm-workspace.yaml`, 'packages:\n  - packages/*\n');
  cpSync(`${root}.changeset/config.json`, `${repo}/.changeset/config.json`);
  cpSync(`${root}.changeset/changelog.cjs`, `${repo}/.changeset/changelog.cjs`);
  for (const { dir } of publishedPackages()) {
    const name = dir.slice(dir.lastIndexOf('/') + 1);
    mkdirSync(`${repo}/packages/${name}`, { recursive: true });
    cpSync(`${dir}/package.json`, `${repo}/packages/${name}/package.json`);
  }
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'workspace');
  for (const [file, text] of Object.entries(changesets))
    writeFileSync(`${repo}/.changeset/${file}`, text);
  git('add', '-A');
  git('commit', '-qm', 'changesets');
  commit = git('rev-parse', 'HEAD').trim();
  execFileSync(process.execPath, [`${root}node_modules/@changesets/cli/bin.js`, 'version'], {
    cwd: repo,
    stdio: 'pipe',
  });
}, 120_000);

function changelog(dir: string): string {
  return readFileSync(`${repo}/packages/${dir}/CHANGELOG.md`, 'utf8');
}

const link = () =>
  `([${commit.slice(0, 7)}](https://github.com/w-weakref/weakref/commit/${commit}))`;

it("a package's own change links its commit", () => {
  expect(changelog('ref')).toContain(`- Refs are cheaper to create. ${link()}`);
  expect(changelog('weak-set')).toContain(`- IterableWeakSet gains \`pop()\`. ${link()}`);
});

it('@w/weakref lists what changed beneath it, once each, with no "Updated dependencies"', () => {
  const text = changelog('weakref');
  expect(text).toContain(`- Refs are cheaper to create. (\`@w/ref\`) ${link()}`);
  expect(text.split('IterableWeakSet gains').length - 1).toBe(1);
  expect(text).not.toMatch(/Updated dependencies|@w\/\w+@\d/);
});

it('a bump that only follows the fixed version group adds no lines', () => {
  // @w/core has no changeset and no @w/* dependency: a heading, nothing under it.
  expect(changelog('core')).not.toMatch(/^- /m);
  expect(changelog('finalize')).not.toMatch(/^- /m);
});
