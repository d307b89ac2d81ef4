import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { builtArtifactTests, gcForks } from './vitest.base';

const root = fileURLToPath(new URL('.', import.meta.url));

// The release loop's tests (`pnpm test:dist`, after `pnpm build`): what a user installs.
// No `source` condition here: these load dist/, packed tarballs and the built docs site, and
// some fetch tools once (TypeScript versions, Deno) and need Chromium.
export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'dist',
          root,
          include: builtArtifactTests,
          ...gcForks,
          testTimeout: 600_000,
        },
      },
    ],
  },
});
