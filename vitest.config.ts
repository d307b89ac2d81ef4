import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { builtArtifactTests, gcForks, sourceResolve } from './vitest.base';

const root = fileURLToPath(new URL('.', import.meta.url));

// The source loop (`pnpm test`): every project runs on src/, with no build, no Chromium and no
// network. What checks built artifacts is in vitest.dist.config.ts (`pnpm test:dist`).
// `root` is set so that the config works the same when Vitest starts in a package folder.
export default defineConfig({
  ...sourceResolve,
  test: {
    ...gcForks,
    root,
    projects: [
      `${root}docs/vitest.config.ts`,
      // @w/testing again in the threads and vmThreads pools, as its users run it.
      `${root}packages/testing/vitest.config.ts`,
      {
        extends: true,
        test: {
          name: 'packages',
          include: ['packages/*/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...builtArtifactTests],
          typecheck: {
            enabled: true,
            include: ['packages/*/test/**/*.test-d.ts'],
            tsconfig: `${root}tsconfig.typetests.json`,
          },
        },
      },
      // The repository's own checks that read sources: manifests, changelogs, workflows.
      {
        test: {
          name: 'repo',
          root,
          include: ['scripts/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...builtArtifactTests],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
