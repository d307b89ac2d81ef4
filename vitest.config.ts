import { defineConfig } from 'vitest/config';

// One Vitest run covers every project below; each extends this root config.
export default defineConfig({
  // Tests import each package's src/ through the `source` export condition: no build needed.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // Forked processes with a real, forcible GC.
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
    projects: [
      'docs/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'packages',
          include: ['packages/*/test/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/*/test/**/*.test-d.ts'],
            tsconfig: './tsconfig.typetests.json',
          },
        },
      },
    ],
  },
});
