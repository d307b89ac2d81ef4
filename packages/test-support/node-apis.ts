/**
 * True where Node's own APIs exist (process.memoryUsage, node:util, node:child_process):
 * Node, Bun and Deno, not a browser. A test that needs them is `it.runIf(hasNodeApis)`, so a
 * browser run lists it as skipped; whole files are listed in vitest.browser.config.ts.
 */
export const hasNodeApis =
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node ===
  'string';
