import { defineConfig } from 'vitest/config';

// Every package's tests run in forked processes with a real, forcible GC.
export default defineConfig({
  // Tests import each package's src/ through the `source` export condition: no build needed.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
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
