import { defineConfig } from 'vitest/config';
import { gcForks, sourceResolve } from './vitest.base';

// `pnpm test:soak`: the long-running soak and leak tests (`packages/*/test/*.soak.ts`), kept
// out of `vitest run`. Size them with SOAK_OPS (operations per test, default 1e6).
// One file per process, so heaps don't mix.
export default defineConfig({
  ...sourceResolve,
  test: {
    ...gcForks,
    include: ['packages/*/test/**/*.soak.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
