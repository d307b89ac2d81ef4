import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { gcForks, sourceResolve } from '../vitest.base';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

// The docs' tests: the built site in a real Chromium, and the examples the pages show.
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
    ...gcForks,
  },
});
