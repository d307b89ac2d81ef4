import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The packages as users get them: `pnpm pack` of each built package, unpacked into the
// node_modules of a throwaway app (no registry), then used from child `node` processes.
// Needs the packages built: `pnpm test:dist` builds first (vitest.dist.config.ts runs this).

const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
let app: string;

async function packAll(into: string): Promise<Map<string, string>> {
  const names = readdirSync(packagesDir).filter((dir) => {
    const manifest = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'));
    return manifest.private !== true;
  });
  await Promise.all(
    names.map((dir) =>
      promisify(execFile)('pnpm', ['pack', '--pack-destination', into], {
        cwd: join(packagesDir, dir),
      }),
    ),
  );
  const tarballs = new Map<string, string>();
  for (const file of readdirSync(into)) {
    const name = /^w-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(file)?.[1];
    if (name !== undefined) tarballs.set(name, join(into, file));
  }
  return tarballs;
}

function unpack(tarball: string, at: string): void {
  mkdirSync(at, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', at, '--strip-components=1']);
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'w-packed-'));
  const tarballs = await packAll(join(app, 'tarballs'));
  for (const [name, tarball] of tarballs) unpack(tarball, join(app, 'node_modules/@w', name));
  // A dependency with its own copies (npm nests them when ranges do not dedupe).
  const dep = join(app, 'node_modules/dep');
  for (const name of ['core', 'finalize', 'weak-set']) {
    unpack(tarballs.get(name) as string, join(dep, 'node_modules/@w', name));
  }
  writeFileSync(join(dep, 'package.json'), '{ "name": "dep", "main": "index.cjs" }');
  writeFileSync(
    join(dep, 'index.cjs'),
    `module.exports = {
      core: require('@w/core'),
      finalize: require('@w/finalize'),
      weakSet: require('@w/weak-set'),
      path: require.resolve('@w/core'),
    };`,
  );
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }');
}, 120_000);

afterAll(() => rmSync(app, { recursive: true, force: true }));

/** Runs `body` as an ES module in the app; `require` is there too. Prints go to `lines`. */
function run(body: string): { lines: string[]; stderr: string; status: number | null } {
  const script = join(app, `case-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${body}\n`,
  );
  const child = spawnSync(process.execPath, ['--expose-gc', script], {
    cwd: app,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = child.stdout.split('\n').filter((line) => line !== '');
  return { lines, stderr: child.stderr, status: child.status };
}

describe('the packed packages, imported and required in one process', () => {
  it('one hook sees every callback error, from either copy, and async ones too', () => {
    const { lines, stderr, status } = run(`
      const esm = await import('@w/weakref');
      const cjs = require('@w/weakref');
      const { collectGarbage } = await import('@w/core/testing');
      esm.setUnraisableHook((u) => console.log(u.origin, String(u.error)));
      const fail = (what) => () => { throw new Error(what); };
      const failLater = (what) => async () => { throw new Error(what); };
      globalThis.kept = [];
      (() => {
        for (const [name, w] of [['esm', esm], ['cjs', cjs]]) {
          kept.push(w.ref({}, fail(name + ' ref')), w.ref({}, failLater(name + ' async ref')));
          kept.push(w.proxy({}, failLater(name + ' async proxy')));
          w.finalize({}, fail(name + ' finalizer'));
          w.finalize({}, failLater(name + ' async finalizer'));
          w.finalize(globalThis, failLater(name + ' async finalizer at exit'));
        }
      })();
      await collectGarbage();
      console.log('collected');`);
    const sorted = (from: string[]) => [...from].sort();
    const collected = lines.indexOf('collected');
    expect(sorted(lines.slice(0, collected))).toEqual(
      sorted(
        ['esm', 'cjs'].flatMap((name) => [
          `ref callback Error: ${name} ref`,
          `ref callback Error: ${name} async ref`,
          `proxy callback Error: ${name} async proxy`,
          `finalizer Error: ${name} finalizer`,
          `finalizer Error: ${name} async finalizer`,
        ]),
      ),
    );
    expect(sorted(lines.slice(collected + 1))).toEqual([
      'finalizer at exit Error: cjs async finalizer at exit',
      'finalizer at exit Error: esm async finalizer at exit',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('is one library: same ref, full counts, newest first across both', () => {
    const { lines, status } = run(`
      const esm = await import('@w/weakref');
      const cjs = require('@w/weakref');
      const { collectGarbage } = await import('@w/core/testing');
      const target = {};
      console.log(esm.ref(target) === cjs.ref(target));
      const log = (name) => () => console.log(name);
      globalThis.kept = [];
      (() => {
        const dying = {};
        kept.push(esm.ref(dying, log('oldest (esm)')), cjs.ref(dying, log('middle (cjs)')));
        kept.push(esm.ref(dying, log('newest (esm)')));
        kept.push(cjs.ref(target, () => {}), esm.proxy(target));
      })();
      console.log(esm.getWeakRefCount(target), cjs.getWeakRefCount(target));
      await collectGarbage();`);
    expect(lines).toEqual(['true', '3 3', 'newest (esm)', 'middle (cjs)', 'oldest (esm)']);
    expect(status).toBe(0);
  });
});

describe('require("@w/core/testing")', () => {
  it('collects a chain of finalizers to its end', () => {
    const { lines, status } = run(`
      const { collectGarbage } = require('@w/core/testing');
      const { finalize } = require('@w/finalize');
      // Each finalizer's args keep the next object alive: six collections, one after another.
      (() => {
        let next;
        for (let i = 5; i >= 0; i--) {
          const object = {};
          finalize(object, (n, keep) => console.log('finalized', n), i, next);
          next = object;
        }
      })();
      await collectGarbage();
      console.log('done');`);
    expect(lines).toEqual([...Array.from({ length: 6 }, (_, i) => `finalized ${i}`), 'done']);
    expect(status).toBe(0);
  });
});

describe('two copies of @w/core installed side by side', () => {
  it('share the hook, the cleanup and the exit listener', () => {
    const { lines, stderr, status } = run(`
      const dep = require('dep');
      const core = await import('@w/core');
      const { finalize } = await import('@w/finalize');
      const { collectGarbage } = await import('@w/core/testing');
      console.log(dep.path.includes('dep/node_modules'), dep.core === require('@w/core'));
      dep.core.setUnraisableHook((u) => console.log('hook', u.origin, String(u.error)));
      const live = {};
      const set = new dep.weakSet.IterableWeakSet([live, {}]);
      (() => {
        finalize({}, () => { throw new Error('top copy'); });
        dep.finalize.finalize({}, () => { throw new Error('nested copy'); });
      })();
      finalize(live, () => console.log('exit: top copy'));
      dep.finalize.finalize(live, () => console.log('exit: nested copy'));
      await collectGarbage();
      console.log('size', set.size, core.setUnraisableHook() !== undefined);`);
    expect(lines.slice(0, 1)).toEqual(['true false']);
    expect([...lines.slice(1, 3)].sort()).toEqual([
      'hook finalizer Error: nested copy',
      'hook finalizer Error: top copy',
    ]);
    expect(lines.slice(3, 4)).toEqual(['size 1 true']);
    expect([...lines.slice(4)].sort()).toEqual(['exit: nested copy', 'exit: top copy']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('@w/weakref/testing', () => {
  it('imports and requires the leak-test toolkit; fake timers change nothing', () => {
    const { lines, status } = run(`
      const { mock } = await import('node:test');
      const w = await import('@w/weakref');
      const esm = await import('@w/weakref/testing');
      const cjs = require('@w/weakref/testing');
      console.log(typeof esm.expectCollected, typeof cjs.probe);
      mock.timers.enable({ apis: ['setTimeout', 'setImmediate', 'setInterval', 'Date'] });
      // A ref made while fakes are on, then refs, proxies and weak keys made after they left.
      globalThis.early = w.ref({}, () => {});
      mock.timers.reset();
      const collected = [];
      globalThis.map = new w.WeakKeyMap();
      // Their targets die; the ref and the proxy live on to run their callbacks.
      (() => {
        globalThis.kept = [w.ref({}, () => collected.push('ref'))];
        kept.push(w.proxy({}, () => collected.push('proxy')));
        map.set({}, 1);
      })();
      mock.timers.enable({ apis: ['setTimeout', 'setImmediate', 'setInterval', 'Date'] });
      await esm.collectGarbage();
      console.log(collected.sort().join(' '), map.size);
      // Each finalizer's args keep the next object alive: 25 collections, one after another.
      let finalized = 0;
      (() => {
        let next;
        for (let i = 0; i < 25; i++) {
          const object = {};
          w.finalize(object, () => finalized++, next);
          next = object;
        }
      })();
      await cjs.collectGarbage();
      console.log(finalized);
      await esm.expectCollected(esm.probe({}));
      const held = { name: 'held' };
      globalThis.app = { handlers: [{}, held] };
      const error = await cjs.expectCollected(cjs.probe(held, 'held'), { timeout: 0 }).catch((e) => e);
      console.log(error.name, error.message);
      mock.timers.reset();`);
    expect(lines).toEqual([
      'function function',
      'proxy ref 0',
      '25',
      "LeakError expected 'held' to be collected, but it is still reachable: retained by globalThis.app → handlers → [1]",
    ]);
    expect(status).toBe(0);
  });
});
