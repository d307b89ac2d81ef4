import type { Options } from 'tsup';
import { classNames } from './scripts/build/class-names';
import { pureClasses } from './scripts/build/pure-classes';

/** One build for every package: ESM + CJS with .d.ts / .d.cts, ES2022. */
export const base: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  clean: true,
  sourcemap: true,
  // Not esbuild's `keepNames`: its `__name()` calls keep whole modules in a user's bundle.
  // Then each class a bundler cannot tell is unused-safe gets a pure wrapper (after naming).
  plugins: [classNames, pureClasses],
};
