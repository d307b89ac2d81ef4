import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];
type Plugin = NonNullable<Options['plugins']>[number];

/**
 * The ESM build emits every source module as it is written, one output module each: a user's
 * bundler drops each module that nothing they import uses (`sideEffects: false`), and every
 * class stays a declaration that keeps its name in their bundle (esbuild, bundling, would
 * write `var X = class _X`, and that is what bundlers rename). The CJS build stays one file
 * per entry: nothing tree-shakes `require()`.
 */
const moduleForModule: EsbuildPlugin = {
  name: 'module-for-module',
  setup(build) {
    if (build.initialOptions.format !== 'esm') return;
    build.initialOptions.bundle = false;
    build.initialOptions.splitting = false;
    build.initialOptions.entryPoints = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.ts$/.test(file) && !/\.(d|test)\.ts$/.test(file))
      .map((file) => `src/${file}`);
  },
};

/** Names the file in a relative import, which esbuild leaves as written: Node's ESM needs it. */
const importedFiles: Plugin = {
  name: 'imported-files',
  renderChunk(code, info) {
    if (this.format !== 'esm' || info.entryPoint === undefined) return;
    const source = dirname(info.entryPoint);
    const file = (path: string) =>
      existsSync(join(source, `${path}.ts`)) ? `${path}.js` : `${path}/index.js`;
    return {
      code: code.replace(
        /(\b(?:from|import)\s*\(?\s*)"(\.\.?\/[^"]*)"/g,
        (_, head: string, path: string) => `${head}"${file(path)}"`,
      ),
    };
  },
};

/** One build for every package: ESM + CJS with .d.ts / .d.cts, ES2022. */
export const base: Options = {
  // The public entries: the CJS files and the declarations (the ESM build emits every module).
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  clean: true,
  sourcemap: true,
  esbuildPlugins: [moduleForModule],
  plugins: [importedFiles],
};
