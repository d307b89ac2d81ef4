import { createRequire } from 'node:module';
import { build as viteBuild } from 'vite';
import { describe, expect, it } from 'vitest';
import { root } from './published-packages';

const require = createRequire(import.meta.url);
const weakref = `${root}packages/weakref/dist/index.js`;

// The esbuild that tsup builds dist/ with.
const esbuild = createRequire(require.resolve('tsup'))('esbuild') as {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
};

// Words that only a part's code holds (in its tag, inspection or error messages): minifying
// renames identifiers, so a word left in a minified bundle is that part's code.
const parts = {
  Ref: 'Ref',
  KeyedRef: 'KeyedRef',
  WeakMethod: 'WeakMethod',
  'weak proxy': 'weakly-referenced',
  Finalizer: 'Finalizer',
  WeakValueMap: 'WeakValueMap',
  WeakKeyMap: 'WeakKeyMap',
  IterableWeakSet: 'IterableWeakSet',
  WeakCache: 'WeakCache',
};
type Part = keyof typeof parts;

// What each public name needs; a bundle of it must hold these parts and no other.
const needs: Record<string, Part[]> = {
  Ref: ['Ref'],
  KeyedRef: ['Ref', 'KeyedRef'],
  WeakMethod: ['Ref', 'WeakMethod'],
  ref: ['Ref'],
  getWeakRefs: [],
  getWeakRefCount: [],
  proxy: ['weak proxy'],
  isProxy: [],
  Finalizer: ['Finalizer'],
  finalize: ['Finalizer'],
  WeakValueMap: ['Ref', 'KeyedRef', 'WeakValueMap'],
  WeakKeyMap: ['Ref', 'WeakKeyMap'],
  IterableWeakSet: ['IterableWeakSet'],
  WeakCache: ['Ref', 'KeyedRef', 'WeakValueMap', 'WeakCache'],
  canBeHeldWeakly: [],
  setUnraisableHook: [],
};

const entry = (name: string) => `import { ${name} } from '${weakref}';\nconsole.log(${name});\n`;

const bundlers: Record<string, (name: string) => Promise<string>> = {
  // As size-limit bundles.
  async esbuild(name) {
    const { outputFiles } = await esbuild.build({
      stdin: { contents: entry(name), resolveDir: root },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    return outputFiles[0]!.text;
  },
  // Rollup, with Vite's minifier.
  async vite(name) {
    const id = '\0entry.js';
    const result = await viteBuild({
      configFile: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'entry',
          resolveId: (source) => (source === id ? id : undefined),
          load: (loaded) => (loaded === id ? entry(name) : undefined),
        },
      ],
      build: { write: false, minify: true, rollupOptions: { input: id } },
    });
    const outputs = [result].flat() as { output: { type: string; code?: string }[] }[];
    return outputs
      .flatMap(({ output }) => output.flatMap((file) => (file.type === 'chunk' ? [file.code] : [])))
      .join('\n');
  },
};

it('the table covers every public name of @w/weakref', () => {
  expect(Object.keys(needs).sort()).toEqual(
    Object.keys(require(`${root}packages/weakref/dist/index.cjs`)).sort(),
  );
});

// Each import keeps only the code it uses: an unused class (its symbol-keyed methods, its
// static block) must not look like a side effect to a bundler.
describe.each(Object.keys(bundlers))('%s', (bundler) => {
  it.each(Object.keys(needs))(`a bundle of { %s } holds only what it uses`, async (name) => {
    const code = await bundlers[bundler]!(name);
    const held = (Object.keys(parts) as Part[]).filter((part) =>
      new RegExp(`\\b${parts[part]}\\b`).test(code),
    );
    expect(held).toEqual(
      (Object.keys(parts) as Part[]).filter((part) => needs[name]!.includes(part)),
    );
  });
});
