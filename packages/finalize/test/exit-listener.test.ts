import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommonJs, buildForChildren, runChild } from './child-process';

// The one exit listener that runs the finalizers: one per realm, whichever copies of this
// package made them. (It was @w/core's `onExit` once; finalize is its only user.)

let built: Awaited<ReturnType<typeof buildForChildren>>;
let cjs: string;
beforeAll(async () => {
  built = await buildForChildren();
  cjs = await buildCommonJs(built.dir);
}, 60_000);
afterAll(() => built?.remove());

const run = (body: string) => runChild(built.dir, body);

// The rejection is seen in a microtask, which Node runs after the exit listeners of a natural
// end. Bun and Deno run none there (measured: Bun 1.4.5, Deno 2.9.6; docs/collection.md).
const naturalEndRunsMicrotasks = !('Bun' in globalThis) && !('Deno' in globalThis);

describe('the exit listener', () => {
  it('is one for the ESM and CJS copies, and runs the finalizers of both, newest first', () => {
    const { stdout, status } = run(`
      import { createRequire } from 'node:module';
      const required = createRequire(import.meta.url)(${JSON.stringify(cjs)});
      globalThis.kept = {};
      const before = process.listenerCount('exit');
      finalize(kept, console.log, 'from import');
      required.finalize(kept, console.log, 'from require');
      finalize(kept, console.log, 'from import again');
      console.log(process.listenerCount('exit') - before);`);
    expect(stdout).toEqual(['1', 'from import again', 'from require', 'from import']);
    expect(status).toBe(0);
  });

  it('is taken off by the copy that empties the queue, whichever copy put it on', () => {
    const { stdout } = run(`
      import { createRequire } from 'node:module';
      const required = createRequire(import.meta.url)(${JSON.stringify(cjs)});
      globalThis.kept = {};
      const emit = process.emit;
      const before = process.listenerCount('exit');
      const f = finalize(kept, () => {});
      const g = required.finalize(kept, () => {});
      f.detach();
      console.log(process.listenerCount('exit') - before, process.emit === emit);
      g.detach();
      console.log(process.listenerCount('exit') - before, process.emit === emit);`);
    expect(stdout).toEqual(['1 false', '0 true']);
  });

  it.runIf(naturalEndRunsMicrotasks)(
    'reports a rejected async finalizer to the unraisable hook and exits with 0',
    () => {
      const { stdout, status } = run(`
        setUnraisableHook((u) => console.log(u.origin, String(u.error)));
        globalThis.kept = {};
        finalize(kept, () => console.log('other finalizer'));
        finalize(kept, async () => { throw new Error('async finalizer'); });`);
      expect(stdout).toEqual(['other finalizer', 'finalizer at exit Error: async finalizer']);
      expect(status).toBe(0);
    },
  );
});
