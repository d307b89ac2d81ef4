import { defineConfig } from 'vitest/config';

// Every package's tests run in forked processes with a real, forcible GC.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    pool: 'forks',
    execArgv: ['--expose-gc'],
    include: ['packages/*/test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetests.json',
    },
    testTimeout: 60_000,
  },
});
