import type { TestUserConfig, ViteUserConfig } from 'vitest/config';

// What the Vitest configs here share, written once.

/** Tests import each package's src/ through the `source` export condition: no build needed. */
export const sourceResolve = {
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
} satisfies ViteUserConfig;

// `pnpm test:hosts` runs the suite again under V8's stress flags (space-separated here).
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by scripts/test-hosts.mjs only
const extraV8Flags = process.env.WEAKREF_V8_FLAGS?.split(' ').filter(Boolean) ?? [];

/** Forked processes with a real, forcible GC (`collectGarbage()` needs `--expose-gc`). */
export const gcForks = {
  pool: 'forks',
  execArgv: ['--expose-gc', ...extraV8Flags],
  testTimeout: 60_000,
} satisfies TestUserConfig;
