import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Node only: one process loads two copies of the packages, an ES-module build and a CommonJS
// build (where each entry inlines its own @w/core), as an app that imports them and a
// dependency that requires them would. They must behave as one library.

const packages = fileURLToPath(new URL('../..', import.meta.url));
const entry = {
  ref: join(packages, 'ref/src/index.ts'),
  proxy: join(packages, 'proxy/src/index.ts'),
  finalize: join(packages, 'finalize/src/index.ts'),
  testing: join(packages, 'core/src/testing.ts'),
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'w-two-copies-'));
  for (const format of ['esm', 'cjs'] as const) {
    await build({
      config: false,
      silent: true,
      entry,
      outDir: dir,
      format: [format],
      splitting: format === 'esm',
      target: 'es2022',
      dts: false,
      noExternal: [/^@w\//],
      esbuildOptions(options) {
        options.conditions = ['source'];
      },
    });
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(body: string): string[] {
  const script = join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
     const require = createRequire(import.meta.url);
     const names = ['ref', 'proxy', 'finalize', 'testing'];
     const esm = {}, cjs = {};
     for (const name of names) Object.assign(esm, await import('./' + name + '.js'));
     for (const name of names) Object.assign(cjs, require('./' + name + '.cjs'));
     ${body}`,
  );
  const out = execFileSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line !== '');
}

describe('an ES-module copy and a CommonJS copy in one process', () => {
  it('are different module instances', () => {
    expect(run('console.log(esm.ref === cjs.ref, esm.Ref === cjs.Ref)')).toEqual(['false false']);
  });

  it('hand out the same reused ref and proxy, and count every ref', () => {
    const out = run(`
      const target = {};
      const mine = esm.ref(target, () => {});
      const theirs = cjs.ref(target, () => {});
      console.log(esm.ref(target) === cjs.ref(target), esm.proxy(target) === cjs.proxy(target));
      console.log(esm.getWeakRefCount(target), cjs.getWeakRefCount(target));
      console.log(esm.isProxy(cjs.proxy(target)), cjs.isProxy(esm.proxy({})));
      console.log(esm.getWeakRefs(target).includes(theirs), cjs.getWeakRefs(target).includes(mine));`);
    expect(out).toEqual(['true true', '4 4', 'true true', 'true true']);
  });

  it('run callbacks on one object newest first across both', () => {
    const out = run(`
      const log = [];
      // Made apart from the target, so that no callback's scope holds it.
      const callbacks = [0, 1, 2, 3].map((i) => () => log.push('ref ' + i));
      const refs = ((target) =>
        [esm, cjs, esm, cjs].map((copy, i) => copy.ref(target, callbacks[i])))({});
      await esm.collectGarbage();
      console.log(log.join(', '));`);
    expect(out).toEqual(['ref 3, ref 2, ref 1, ref 0']);
  });

  it('run finalizers from both copies in one exit pass, newest first', () => {
    const out = run(`
      globalThis.kept = {};
      const before = process.listenerCount('exit');
      [esm, cjs, esm].forEach((copy, i) => copy.finalize(kept, console.log, 'finalizer ' + i));
      console.log('exit listeners added:', process.listenerCount('exit') - before);`);
    expect(out).toEqual(['exit listeners added: 1', 'finalizer 2', 'finalizer 1', 'finalizer 0']);
  });
});
