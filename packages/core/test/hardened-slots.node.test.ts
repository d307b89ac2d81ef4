import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Node only: a child process whose exit status is the point. SES's `harden` (or a package that
// freezes what it finds on globalThis) freezes everything reachable from the process-wide
// slots. Cleanup runs later, in a task of its own: a throw there would end the process.

const packages = fileURLToPath(new URL('../..', import.meta.url));

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren({
    core: join(packages, 'core/src/index.ts'),
    testing: join(packages, 'core/src/testing.ts'),
    ref: join(packages, 'ref/src/index.ts'),
    proxy: join(packages, 'proxy/src/index.ts'),
    wvm: join(packages, 'weak-value-map/src/index.ts'),
    wkm: join(packages, 'weak-key-map/src/index.ts'),
    set: join(packages, 'weak-set/src/index.ts'),
  });
}, 120_000);
afterAll(() => built?.remove());

const ALL = `
  import { ref } from './ref.js';
  import { proxy } from './proxy.js';
  import { WeakValueMap } from './wvm.js';
  import { WeakKeyMap } from './wkm.js';
  import { IterableWeakSet } from './set.js';`;

function run(body: string, imports = ALL) {
  const script = join(built.dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `import { setUnraisableHook } from './core.js';
     import { collectGarbage } from './testing.js';
     ${imports}
     const reports = [];
     setUnraisableHook(({ origin, error }) => reports.push(origin + ': ' + error));
     ${body}`,
  );
  const child = spawnSync(process.execPath, ['--expose-gc', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: child.stdout.trim(), stderr: child.stderr, status: child.status };
}

// What harden does, short of the intrinsics (freezing Object.prototype is lockdown's job).
const HARDEN = `
  const intrinsics = new Set([Object.prototype, Function.prototype, Array.prototype,
    Map.prototype, Set.prototype, WeakMap.prototype, WeakRef.prototype,
    FinalizationRegistry.prototype]);
  function harden(value) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    if (Object.isFrozen(value) || intrinsics.has(value)) return;
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      harden(d.value); harden(d.get); harden(d.set);
    }
    harden(Object.getPrototypeOf(value));
  }`;

// Containers, refs and proxies with callbacks: all of it has work for cleanup to do.
const USE = `
  let called = 0;
  const callback = () => called++;
  const wvm = new WeakValueMap(), wkm = new WeakKeyMap(), set = new IterableWeakSet();
  const refs = [];
  function use() {
    for (let i = 0; i < 100; i++) {
      wvm.set(i, {}); wkm.set({}, i); set.add({});
      refs.push(ref({}, callback), proxy({}, callback), ref({}), proxy({}));
    }
  }`;

describe('process-wide slots frozen by a hardening step', () => {
  it('still clean up: the process keeps running and nothing is reported', () => {
    const ended = run(`${HARDEN}${USE}
      use();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await collectGarbage();
      harden(globalThis[Symbol.for('@w/core/process-shared@1')]);
      use();
      await collectGarbage();
      console.log(wvm.size, wkm.size, set.size, called, reports.join('; ') || 'no reports');`);
    expect(ended.stderr).toBe('');
    expect(ended.stdout).toBe('0 0 0 400 no reports');
    expect(ended.status).toBe(0);
  });

  it('still take a new unraisable hook, which gets the errors', () => {
    const ended = run(`${HARDEN}
      harden(globalThis[Symbol.for('@w/core/process-shared@1')]);
      const seen = [];
      setUnraisableHook(({ origin }) => seen.push(origin));
      const kept = ((target) => ref(target, () => { throw new Error('boom'); }))({});
      await collectGarbage();
      console.log(seen.join('; '), kept.deref());`);
    expect(ended.stderr).toBe('');
    expect(ended.stdout).toBe('ref callback undefined');
    expect(ended.status).toBe(0);
  });

  it('let a package loaded afterwards make its own', () => {
    const ended = run(
      `${HARDEN}
      harden(globalThis[Symbol.for('@w/core/process-shared@1')]);
      const { isProxy, proxy } = await import('./proxy.js'); // its slot is made now
      let ran = 0;
      const made = ((target) => proxy(target, () => ran++))({});
      await collectGarbage();
      console.log(isProxy(made), ran, reports.join('; ') || 'no reports');`,
      '',
    );
    expect(ended.stderr).toBe('');
    expect(ended.stdout).toBe('true 1 no reports');
    expect(ended.status).toBe(0);
  });
});
