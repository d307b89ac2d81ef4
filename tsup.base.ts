import type { Options } from 'tsup';

/** One build for every package: ESM + CJS with .d.ts / .d.cts, ES2022. */
export const base: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  clean: true,
  sourcemap: true,
  // esbuild renames self-referencing classes (`_WeakValueMap`); keep the names users see.
  keepNames: true,
};
