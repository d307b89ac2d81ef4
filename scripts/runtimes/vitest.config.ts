import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import root from '../../vitest.config';
import dist from '../../vitest.dist.config';
import excludedFiles from './excluded-files.json';

// The files this runtime or host cannot run (test-runtimes.mjs names it). Added to every
// project's own `exclude`: Vitest does not pass a command line's `--exclude` on to projects.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by test-runtimes.mjs, not turbo
const runtime = process.env.WEAKREF_RUNTIME ?? '';
const excluded = Object.entries(excludedFiles)
  .filter(([, { skippedOn }]) => skippedOn.includes(runtime))
  .map(([glob]) => glob);

// Both loops' tests: the source loop's projects and the release loop's (on what `pnpm build`
// made; test:all builds before it runs the runtimes). Types do not depend on the runtime:
// `pnpm test` checks them once, so the runtimes skip the type tests (and Vitest's
// "experimental feature" warning with them).
const projects = [...(root.test?.projects ?? []), ...(dist.test?.projects ?? [])].map((project) =>
  typeof project === 'object' && 'test' in project
    ? {
        ...project,
        test: {
          ...project.test,
          typecheck: { enabled: false },
          exclude: [...(project.test?.exclude ?? configDefaults.exclude), ...excluded],
        },
      }
    : project,
);

// Every project of both loops plus a probe that reports which runtime runs it.
// Used by scripts/test-runtimes.mjs for Node 22/24, Bun and Deno.
export default mergeConfig(
  { ...root, test: { ...root.test, projects } },
  defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: {
      // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by test-runtimes.mjs, not turbo
      provide: { expectedRuntime: process.env.EXPECTED_RUNTIME ?? '' },
      // `test:runtimes fake-timers`: every test file starts with fake timers installed.
      // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by test-runtimes.mjs, not turbo
      setupFiles: process.env.WEAKREF_FAKE_TIMERS ? ['scripts/runtimes/fake-timers.setup.ts'] : [],
      projects: [
        { extends: true, test: { name: 'runtime', include: ['scripts/runtimes/*.test.ts'] } },
      ],
    },
  }),
);
