import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import root from '../../vitest.config';

// The root suite (every project in it) plus a probe that reports which runtime runs it.
// Used by scripts/test-runtimes.mjs for Node 22/24, Bun and Deno.
export default mergeConfig(
  root,
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: {
      // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by test-runtimes.mjs, not turbo
      provide: { expectedRuntime: process.env.EXPECTED_RUNTIME ?? '' },
      projects: [
        { extends: true, test: { name: 'runtime', include: ['scripts/runtimes/*.test.ts'] } },
      ],
    },
  }),
);
