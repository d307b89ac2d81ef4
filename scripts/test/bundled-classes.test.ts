import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { build as viteBuild } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './published-packages';

const require = createRequire(import.meta.url);
const weakref = `${root}packages/weakref/dist/index.js`;
const esbuild = createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

type Exports = Record<string, unknown>;
type Class = new (...args: any[]) => object;

// A user's program: everything from @w/weakref, unminified, as each bundler makes it.
const entry = `export * from '${weakref}';\n`;
const bundlers: Record<string, () => Promise<string>> = {
  async esbuild() {
    const { outputFiles } = await esbuild.build({
      stdin: { contents: entry, resolveDir: root },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
    });
    return outputFiles[0]!.text;
  },
  async rollup() {
    const id = '\0entry.js';
    const bundle = await rollup({
      input: id,
      plugins: [
        {
          name: 'entry',
          resolveId: (s) => (s === id ? id : null),
          load: (s) => (s === id ? entry : null),
        },
        nodeResolve(),
      ],
    });
    const { output } = await bundle.generate({ format: 'esm' });
    return output[0].code;
  },
  async vite() {
    const id = '\0entry.js';
    const result = await viteBuild({
      configFile: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'entry',
          resolveId: (source) => (source === id ? id : undefined),
          load: (loaded) => (loaded === id ? entry : undefined),
        },
      ],
      build: {
        write: false,
        minify: false,
        rollupOptions: { input: id, preserveEntrySignatures: 'strict' },
      },
    });
    const [{ output }] = [result].flat() as { output: { type: string; code?: string }[] }[];
    return output.find((file) => file.type === 'chunk')!.code!;
  },
};

const dir = mkdtempSync(join(tmpdir(), 'bundled-classes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(name: string, code: string): Promise<Exports> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as Exports;
}

const target = { id: 1 };
const method = { greet() {} };
// One instance of each public class, made from the given copy of the library.
const instances: Record<string, (lib: Exports) => object> = {
  Ref: (lib) => new (lib.Ref as Class)(target),
  KeyedRef: (lib) => new (lib.KeyedRef as Class)(target, undefined, 'key'),
  WeakMethod: (lib) => new (lib.WeakMethod as Class)(method, 'greet'),
  Finalizer: (lib) => {
    const finalizer = new (lib.Finalizer as Class)(target, function close() {});
    (finalizer as { detach(): void }).detach();
    return finalizer;
  },
  WeakValueMap: (lib) => new (lib.WeakValueMap as Class)([['a', target]]),
  WeakKeyMap: (lib) => new (lib.WeakKeyMap as Class)([[target, 1]]),
  IterableWeakSet: (lib) => new (lib.IterableWeakSet as Class)([target]),
  WeakCache: (lib) =>
    (new (lib.WeakCache as Class)({ strong: 1 }) as Map<string, object>).set('a', target),
};

function isClass(value: unknown): value is Class {
  return typeof value === 'function' && Function.prototype.toString.call(value).startsWith('class');
}

const unbundled = (await import(pathToFileURL(weakref).href)) as Exports;

it('an instance is made of every public class', () => {
  const classes = Object.keys(unbundled).filter((name) => isClass(unbundled[name]));
  expect(classes.sort()).toEqual(Object.keys(instances).sort());
});

// A bundler renames a class when two bindings of its name share a scope, and `name` (so
// `util.inspect`) follows: `WeakValueMap2(1) [WeakValueMap] {…}`. The library's build must
// give it no reason to.
describe.each([
  ['dist, imported', async () => unbundled],
  ['dist, required', async () => require(`${root}packages/weakref/dist/index.cjs`) as Exports],
  ...Object.entries(bundlers).map(
    ([name, bundle]) =>
      [`an unminified ${name} bundle`, async () => load(name, await bundle())] as const,
  ),
])('%s', (_, loaded) => {
  it('every class keeps its name, and inspects as unbundled', async () => {
    const lib = await loaded();
    for (const [name, make] of Object.entries(instances)) {
      expect(`${name}: ${(lib[name] as Class).name}`).toBe(`${name}: ${name}`);
      expect(inspect(make(lib))).toBe(inspect(make(unbundled)));
    }
  });
});
