import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sourceResolve } from '../../vitest.base';

// @w/testing's own suite in vitest's other pools: worker threads (no --expose-gc flag there:
// collectGarbage() turns gc on at run time) and vm contexts (each file in its own realm, as
// jest does). The forks pool runs it with the rest of the packages.
// Run: pnpm vitest run --config packages/testing/vitest.config.ts
const pool = (name: 'threads' | 'vmThreads') => ({
  extends: true as const,
  test: {
    name: `testing-${name}`,
    pool: name,
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.node.test.ts'],
    testTimeout: 60_000,
  },
});

export default defineConfig({
  ...sourceResolve,
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: { projects: [pool('threads'), pool('vmThreads')] },
});
