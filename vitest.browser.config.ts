import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
// A relative path: Vite bundles a config's relative imports, but loads packages (a .ts one too) with Node.
import { CHROMIUM_TEST_ARGS } from './packages/test-support/chromium-args';
import excludedFiles from './scripts/runtimes/excluded-files.json';
import { sourceResolve } from './vitest.base';

// The package tests in headless Debian Chromium with a forcible GC (`globalThis.gc`).
// Not part of `vitest run`: only `pnpm test:runtimes chromium` uses this config.
export default defineConfig({
  resolve: sourceResolve.resolve,
  test: {
    name: 'chromium',
    include: ['packages/*/test/**/*.test.ts', 'scripts/runtimes/*.test.ts'],
    // Whole files that need Node-only APIs, each with its reason in the JSON (test-runtimes.mjs
    // prints them). A single test that needs Node skips itself: `it.runIf(hasNodeApis)`.
    exclude: ['**/node_modules/**', ...excludedOn('chromium')],
    testTimeout: 60_000,
    provide: { expectedRuntime: 'chromium ' },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      instances: [{ browser: 'chromium' }],
      provider: playwright({
        launchOptions: {
          // biome-ignore lint/suspicious/noUndeclaredEnvVars: a local override, not a turbo input
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--js-flags=--expose-gc', ...CHROMIUM_TEST_ARGS],
        },
      }),
    },
  },
});

function excludedOn(runtime: string): string[] {
  return Object.entries(excludedFiles)
    .filter(([, { skippedOn }]) => skippedOn.includes(runtime))
    .map(([glob]) => glob);
}
