import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// @w/core/internal bundled from src/, as ESM and (a second copy) CommonJS.
let built: Awaited<ReturnType<typeof buildForChildren>>;
let core = '';
beforeAll(async () => {
  built = await buildForChildren(
    { internal: fileURLToPath(new URL('../src/internal.ts', import.meta.url)) },
    ['esm', 'cjs'],
  );
  core = join(built.dir, 'internal.js');
}, 60_000);
afterAll(() => built.remove());

function runChild(body: string): { stdout: string; status: number } {
  // A file, not `-e`: Deno (running as process.execPath) takes no ES module from `-e`.
  const dir = mkdtempSync(join(tmpdir(), 'w-exit-hooks-'));
  const script = join(dir, 'child.mjs');
  writeFileSync(script, `import { onExit } from ${JSON.stringify(core)};\n${body}`);
  try {
    const stdout = execFileSync(process.execPath, [script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { stdout: failed.stdout, status: failed.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('onExit', () => {
  it('runs hooks at normal exit, reporting a throwing one and running the rest', () => {
    const { stdout, status } = runChild(`
      onExit(() => console.log('first'));
      onExit(() => { throw new Error('bad hook'); });
      onExit(() => console.log('third'));
      const remove = onExit(() => console.log('removed'));
      remove();`);
    expect(stdout.trim().split('\n')).toEqual(['first', 'third']);
    expect(status).toBe(0);
  });

  it('runs hooks on process.exit() and keeps the exit status', () => {
    const { stdout, status } = runChild(`
      onExit(() => console.log('ran'));
      process.exit(3);`);
    expect(stdout.trim()).toBe('ran');
    expect(status).toBe(3);
  });
});

// The rejection is seen in a microtask, which Node runs after the exit listeners of a natural
// end. Bun and Deno run none there (measured: Bun 1.4.5, Deno 2.9.6; docs/collection.md).
const naturalEndRunsMicrotasks = !('Bun' in globalThis) && !('Deno' in globalThis);

describe('async exit hooks', () => {
  it.runIf(naturalEndRunsMicrotasks)(
    'reports a rejected exit hook to the unraisable hook and exits with 0',
    () => {
      const { stdout, status } = runChild(`
      import { setUnraisableHook } from ${JSON.stringify(core)};
      setUnraisableHook((u) => console.log(u.origin, String(u.error)));
      onExit(async () => { throw new Error('async hook'); });
      onExit(() => console.log('other hook'));`);
      expect(stdout.trim().split('\n')).toEqual(['other hook', 'exit hook Error: async hook']);
      expect(status).toBe(0);
    },
  );
});

describe('one exit listener per process', () => {
  it('installs one listener for the ESM and CJS copies of @w/core, and runs the hooks of both', () => {
    const cjs = join(built.dir, 'internal.cjs');
    const { stdout, status } = runChild(`
      import { createRequire } from 'node:module';
      const before = process.listenerCount('exit');
      onExit(() => console.log('from import'));
      createRequire(import.meta.url)(${JSON.stringify(cjs)}).onExit(() => console.log('from require'));
      console.log(process.listenerCount('exit') - before);`);
    expect(stdout.trim().split('\n')).toEqual(['1', 'from import', 'from require']);
    expect(status).toBe(0);
  });
});
