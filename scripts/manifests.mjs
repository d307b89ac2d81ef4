#!/usr/bin/env node
// Writes what the published packages' package.json and jsr.json share, from the small spec
// below: `node scripts/manifests.mjs` (after adding a package or changing the shape), and
// `pnpm version-packages` runs it after `changeset version` so jsr.json follows the version.
// Each package.json keeps its own name, version, description and dependencies; everything
// else is written here. scripts/test/manifests.test.ts fails when a file drifts from this.
// The private packages (bench, demo, test-support) are not published and keep their own.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const repository = 'https://github.com/w-weakref/weakref';
const site = 'https://w-weakref.github.io/weakref/';

/**
 * TypeScript before 5.6 lacks `MapIterator`/`SetIterator`: those compilers get declarations
 * rewritten with `IterableIterator` (scripts/build/downlevel-types.mjs writes them at build).
 */
export const downlevelRange = '<5.6';
export const downlevelDir = 'dist/ts5.5';

/** Per package: its docs page, the subpath entries besides `.`, and what it is. */
export const specs = {
  core: {
    page: 'guide/core',
    entries: ['internal', 'testing'],
    keywords: [
      'weakref',
      'WeakRef',
      'canBeHeldWeakly',
      'unraisable',
      'collectGarbage',
      'gc',
      'testing',
    ],
  },
  ref: {
    page: 'guide/ref',
    keywords: [
      'weakref',
      'weak reference',
      'WeakRef',
      'callback',
      'WeakMethod',
      'KeyedRef',
      'getweakrefcount',
    ],
  },
  proxy: {
    page: 'guide/proxy',
    keywords: ['weakref', 'weakref.proxy', 'weak proxy', 'Proxy', 'WeakRef'],
  },
  finalize: {
    page: 'guide/finalize',
    keywords: [
      'weakref',
      'weakref.finalize',
      'finalizer',
      'FinalizationRegistry',
      'atexit',
      'cleanup',
      'dispose',
    ],
  },
  'weak-value-map': {
    page: 'guide/weak-value-map',
    keywords: [
      'weakref',
      'WeakValueDictionary',
      'weak map',
      'weak values',
      'iterable',
      'cache',
      'Map',
    ],
  },
  'weak-key-map': {
    page: 'guide/weak-key-map',
    keywords: [
      'weakref',
      'WeakKeyDictionary',
      'weak map',
      'WeakMap',
      'iterable',
      'ephemeron',
      'Map',
    ],
  },
  'weak-set': {
    page: 'guide/weak-set',
    keywords: ['weakref', 'WeakSet', 'weak set', 'iterable', 'countable', 'Set'],
  },
  cache: {
    page: 'guide/cache',
    keywords: ['weakref', 'cache', 'LRU', 'weak cache', 'WeakRef', 'soft reference', 'Map'],
  },
  testing: {
    page: 'guide/testing',
    keywords: [
      'weakref',
      'memory leak',
      'leak test',
      'gc',
      'garbage collection',
      'testing',
      'vitest',
      'jest',
    ],
  },
  weakref: {
    page: 'getting-started',
    entries: ['testing'],
    keywords: [
      'weakref',
      'python',
      'WeakRef',
      'FinalizationRegistry',
      'WeakValueDictionary',
      'WeakKeyDictionary',
      'WeakSet',
      'finalizer',
      'weak proxy',
    ],
  },
};

/**
 * What every package's tests import: the shared helpers (`@w/test-support/next-task`, ...).
 * Packing drops devDependencies (.pnpmfile.cjs), so users never see this private package.
 */
const devDependencies = { '@w/test-support': 'workspace:*' };

/** `pnpm test` in a package folder: its tests (`pnpm test -- -t <name>`: one of them). */
export const testScript = 'node ../../scripts/test-package.mjs';

/** `./dist/<entry>.d.ts` and friends, for ESM and CJS, old and new TypeScript. */
function conditions(entry) {
  const flavour = (dts, js) => ({
    [`types@${downlevelRange}`]: `./${downlevelDir}/${entry}.${dts}`,
    types: `./dist/${entry}.${dts}`,
    default: `./dist/${entry}.${js}`,
  });
  return { import: flavour('d.ts', 'js'), require: flavour('d.cts', 'cjs') };
}

function exportsMap(entries, withSource) {
  const map = {};
  for (const entry of ['index', ...entries].sort()) {
    const subpath = entry === 'index' ? '.' : `./${entry}`;
    map[subpath] = { ...(withSource && { source: `./src/${entry}.ts` }), ...conditions(entry) };
  }
  map['./package.json'] = './package.json';
  return map;
}

/**
 * `moduleResolution: node10` reads no exports map: `types` (through `typesVersions` for old
 * compilers) for the main entry, and `typesVersions` paths for each subpath.
 */
function typesVersions(entries) {
  const paths = (dir) =>
    Object.fromEntries(entries.map((entry) => [entry, [`./${dir}/${entry}.d.ts`]]));
  return {
    [downlevelRange]: {
      'dist/index.d.ts': [`./${downlevelDir}/index.d.ts`],
      ...paths(downlevelDir),
    },
    ...(entries.length > 0 && { '*': paths('dist') }),
  };
}

/** The package.json that `dir` should have, given the one it has. */
export function expectedManifest(dir, current) {
  const spec = specs[dir];
  const entries = spec.entries ?? [];
  return {
    name: current.name,
    version: current.version,
    description: current.description,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    files: ['dist', 'CHANGELOG.md'],
    engines: { node: '>=20' },
    repository: { type: 'git', url: `git+${repository}.git`, directory: `packages/${dir}` },
    homepage: `${site}${spec.page}`,
    bugs: { url: `${repository}/issues` },
    keywords: spec.keywords,
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    typesVersions: typesVersions(entries),
    exports: exportsMap(entries, true),
    // No `provenance: true` here: npm then refuses every publish outside CI (the release e2e's
    // too). The release workflow sets NPM_CONFIG_PROVENANCE instead.
    publishConfig: { access: 'public', exports: exportsMap(entries, false) },
    scripts: {
      build: 'tsup && node ../../scripts/build/downlevel-types.mjs',
      typecheck: 'tsc --noEmit',
      'check-package': 'bash ../../scripts/check-package.sh',
      test: testScript,
    },
    dependencies: pinnedSiblings(current.dependencies ?? {}),
    ...pick(current, ['peerDependencies', 'optionalDependencies']),
    devDependencies: sortedByName({ ...current.devDependencies, ...devDependencies }),
  };
}

// Siblings share @w/core's internal entry, which changes in any release: a published package
// pins the exact version of each sibling it uses (pnpm turns `workspace:*` into it).
function pinnedSiblings(dependencies) {
  return Object.fromEntries(
    Object.entries(dependencies).map(([name, range]) => [
      name,
      name.startsWith('@w/') ? 'workspace:*' : range,
    ]),
  );
}

/** The jsr.json that `dir` should have: JSR publishes the TypeScript sources. */
export function expectedJsr(dir, manifest) {
  const entries = ['index', ...(specs[dir].entries ?? [])].sort();
  return {
    name: manifest.name,
    version: manifest.version,
    license: 'MIT',
    exports: Object.fromEntries(
      entries.map((entry) => [entry === 'index' ? '.' : `./${entry}`, `./src/${entry}.ts`]),
    ),
    publish: { include: ['src/**/*.ts', 'README.md', 'CHANGELOG.md'] },
  };
}

function sortedByName(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function pick(object, keys) {
  return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function manifestPaths(dir) {
  return {
    packageJson: `${root}packages/${dir}/package.json`,
    jsrJson: `${root}packages/${dir}/jsr.json`,
  };
}

function write(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = [];
  for (const dir of Object.keys(specs)) {
    const { packageJson, jsrJson } = manifestPaths(dir);
    const manifest = expectedManifest(dir, readJson(packageJson));
    write(packageJson, manifest);
    write(jsrJson, expectedJsr(dir, manifest));
    written.push(packageJson, jsrJson);
  }
  // In the repository's format, so that `biome check` stays clean.
  execFileSync(`${root}node_modules/.bin/biome`, ['format', '--write', ...written], {
    stdio: 'ignore',
  });
}
