import { defineConfig } from 'vitest/config';

// `pnpm test:soak`: the long-running soak and leak tests (`packages/*/test/*.soak.ts`), kept
// out of `vitest run`. Size them with SOAK_OPS (operations per test, default 1e6).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.soak.ts'],
    // Forked processes with a real, forcible GC; one file per process, so heaps don't mix.
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
