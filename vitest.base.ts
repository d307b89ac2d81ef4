import type { TestUserConfig, ViteUserConfig } from 'vitest/config';

// What the Vitest configs here share, written once.

/** Tests import each package's src/ through the `source` export condition: no build needed. */
export const sourceResolve = {
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
} satisfies ViteUserConfig;

// `pnpm test:runtimes stress` runs the package tests under V8 stress flags (space-separated).
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/test-runtimes.mjs only
const extraV8Flags = process.env.WEAKREF_V8_FLAGS?.split(' ').filter(Boolean) ?? [];

/** Forked processes with a real, forcible GC (`collectGarbage()` needs `--expose-gc`). */
export const gcForks = {
  pool: 'forks',
  execArgv: ['--expose-gc', ...extraV8Flags],
  testTimeout: 60_000,
} satisfies TestUserConfig;

/**
 * The tests that check what `pnpm build` makes (dist/, packed tarballs, the docs site) or that
 * fetch tools: vitest.dist.config.ts runs them (`pnpm test:dist`), the source loop skips them.
 */
export const builtArtifactTests = [
  'scripts/test/{bundled-classes,shared-instanceof,size-budgets,tree-shaking}.test.ts',
  'scripts/test/{packed-manifests,types-matrix,jsr}.test.ts',
  'docs/test/{site,api-links}.test.ts',
  'packages/weakref/test/packed.node.test.ts',
];
