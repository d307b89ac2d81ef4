import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

// The docs' tests: the built site in a real Chromium, and the examples the pages show.
export default defineProject({
  resolve: {
    // docs/ does not depend on the packages; its examples import their src/ directly.
    alias: [
      { find: '@w/core/testing', replacement: `${packages}core/src/testing.ts` },
      { find: '@w/core/internal', replacement: `${packages}core/src/internal.ts` },
      { find: /^@w\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` },
    ],
  },
  test: {
    name: 'docs',
    include: ['test/**/*.test.ts'],
    // Forked processes with a real, forcible GC, as for the packages' tests.
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
  },
});
