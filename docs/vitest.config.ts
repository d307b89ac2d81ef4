import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { gcForks, sourceResolve } from '../vitest.base';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

// The docs' tests on the sources: the examples the pages show. The built site's test
// (site.test.ts, in Chromium) runs in the release loop: vitest.dist.config.ts.
export default defineProject({
  ...sourceResolve,
  resolve: {
    ...sourceResolve.resolve,
    // docs/ does not depend on the packages; its examples import their src/ directly (and the
    // packages reach each other through the `source` condition, so one core runs).
    alias: [
      { find: /^@w\/core\/([a-z-]+)$/, replacement: `${packages}core/src/$1.ts` },
      { find: /^@w\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` },
    ],
  },
  test: {
    name: 'docs',
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/{site,api-links}.test.ts'],
    ...gcForks,
  },
});
