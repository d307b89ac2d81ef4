import { defineConfig } from 'vitest/config';
import { gcForks, sourceResolve } from './vitest.base';

// One Vitest run covers every project below; each extends this root config.
export default defineConfig({
  ...sourceResolve,
  test: {
    ...gcForks,
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
      // The repository's own checks, on what `pnpm build` made: dist/, manifests, workflows.
      // No `source` condition here: these load what a user installs.
      { test: { name: 'repo', include: ['scripts/test/**/*.test.ts'], testTimeout: 600_000 } },
    ],
  },
});
