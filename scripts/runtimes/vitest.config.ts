import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import root from '../../vitest.config';

// Types do not depend on the runtime: `pnpm test` checks them once, so the runtimes skip the
// type tests (and Vitest's "experimental feature" warning with them).
const projects = root.test?.projects?.map((project) =>
  typeof project === 'object' && 'test' in project
    ? { ...project, test: { ...project.test, typecheck: { enabled: false } } }
    : project,
);

// The root suite (every project in it) plus a probe that reports which runtime runs it.
// Used by scripts/test-runtimes.mjs for Node 22/24, Bun and Deno.
export default mergeConfig(
  { ...root, test: { ...root.test, projects } },
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
