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
      // @w/testing again in the pools its users run it in: worker threads (no --expose-gc
      // there: collectGarbage() turns gc on at run time) and a vm context per file, as jest.
      // (Not on Deno, whose worker_threads lack what Vitest's thread pools need.)
      ...(
        ('Deno' in globalThis ? [] : ['threads', 'vmThreads']) as ('threads' | 'vmThreads')[]
      ).map((pool) => ({
        ...sourceResolve,
        test: {
          name: `testing-${pool}`,
          root,
          pool,
          include: ['packages/testing/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.node.test.ts'],
          testTimeout: 60_000,
        },
      })),
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
