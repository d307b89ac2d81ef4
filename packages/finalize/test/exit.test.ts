import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForChildren, runChild } from './child-process';

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren();
}, 60_000);
afterAll(() => built?.remove());

const run = (body: string) => runChild(built.dir, body);
const signalExit = createRequire(import.meta.url).resolve('signal-exit');
// Measured on Node and Deno, which run 'exit' listeners from `process.emit` and set
// `process._exiting`; Deno runs none on a fatal error (docs/collection.md). No Bun here.
const isBun = 'Bun' in globalThis;
const isDeno = 'Deno' in globalThis;

describe('finalizers at exit', () => {
  it('runs alive finalizers newest first at normal exit', () => {
    const { stdout, stderr, status } = run(`
      globalThis.kept = [{}, {}, {}];
      kept.forEach((obj, i) => finalize(obj, console.log, 'finalizer', i));
      console.log('end of script');`);
    expect(stdout).toEqual(['end of script', 'finalizer 2', 'finalizer 1', 'finalizer 0']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('runs them on process.exit() and keeps the exit status', () => {
    const { stdout, status } = run(`
      globalThis.kept = {};
      finalize(kept, console.log, 'ran at exit');
      process.exit(3);`);
    expect(stdout).toEqual(['ran at exit']);
    expect(status).toBe(3);
  });

  it('skips finalizers that ran, were detached or have atexit off', () => {
    const { stdout, status } = run(`
      globalThis.kept = {};
      const called = finalize(kept, console.log, 'called');
      called();
      finalize(kept, console.log, 'detached').detach();
      finalize(kept, console.log, 'atexit off').atexit = false;
      const toggled = finalize(kept, console.log, 'atexit off and on');
      finalize(kept, console.log, 'newest');
      toggled.atexit = false;
      toggled.atexit = true;`);
    // 'called' printed once, while the script ran; toggling atexit keeps creation order.
    expect(stdout).toEqual(['called', 'newest', 'atexit off and on']);
    expect(status).toBe(0);
  });

  it('reports a throwing finalizer to the unraisable hook and runs the rest', () => {
    const { stdout, stderr, status } = run(`
      globalThis.kept = {};
      finalize(kept, console.log, 'first');
      finalize(kept, () => { throw new Error('boom at exit'); });
      finalize(kept, console.log, 'last');`);
    expect(stdout).toEqual(['last', 'first']);
    // Python prints the same: the finalizer is already dead when its error is reported.
    expect(stderr).toContain(
      'Exception ignored in: finalizer at exit Finalizer { <dead> (anonymous) }',
    );
    expect(stderr).toContain('boom at exit');
    expect(status).toBe(0);
  });

  it('hands the hook the error, the origin and the finalizer', () => {
    const { stdout, status } = run(`
      globalThis.kept = {};
      const error = new Error('boom');
      const f = finalize(kept, () => { throw error; });
      setUnraisableHook((u) => console.log(u.error === error, u.origin, u.object === f));
      process.exit(5);`);
    expect(stdout).toEqual(['true finalizer at exit true']);
    expect(status).toBe(5);
  });

  it('runs a finalizer created while exit processing runs', () => {
    const { stdout, status } = run(`
      globalThis.kept = {};
      finalize(kept, console.log, 'oldest');
      finalize(kept, () => {
        console.log('creating one at exit');
        finalize(kept, console.log, 'created at exit');
      });`);
    expect(stdout).toEqual(['creating one at exit', 'created at exit', 'oldest']);
    expect(status).toBe(0);
  });

  // Every way a Node process ends emits 'exit'; a fatal exception then ends with no microtask
  // and no process.reallyExit. signal-exit's handlers run after every plain 'exit' listener.
  const ends = [
    { end: 'at a natural end', code: '', status: 0, fatal: false },
    { end: 'on process.exit(n)', code: 'process.exit(3);', status: 3, fatal: false },
    { end: 'with process.exitCode', code: 'process.exitCode = 4;', status: 4, fatal: false },
    { end: 'on an uncaught exception', code: "throw new Error('x');", status: 1, fatal: true },
    {
      end: 'on an unhandled rejection',
      code: "Promise.reject(new Error('x'));",
      status: 1,
      fatal: true,
    },
  ];
  // signal-exit wraps process.emit when its first handler is added: here before the first
  // finalize(), as a CLI does at startup (docs/limits.md says what happens the other way round).
  const laterListeners = [
    {
      by: 'an exit listener added after the first finalize()',
      before: '',
      after: "process.on('exit', listener);",
    },
    {
      by: 'a signal-exit handler',
      before: `createRequire(import.meta.url)(${JSON.stringify(signalExit)}).onExit(listener);`,
      after: '',
    },
  ];
  for (const { end, code, status: expectedStatus, fatal } of ends) {
    for (const { by, before, after } of laterListeners) {
      it.runIf(!isBun && !(fatal && isDeno))(
        `runs a finalizer created by ${by}, ${end}, keeping the status`,
        () => {
          const { stdout, status } = run(`
          import { createRequire } from 'node:module';
          globalThis.kept = {};
          function listener() {
            const f = finalize(kept, console.log, 'created by a later exit listener');
            console.log('alive:', f.alive);
            later.atexit = true;
          }
          ${before}
          finalize(kept, console.log, 'first finalizer');
          const later = finalize(kept, console.log, 'atexit turned back on');
          later.atexit = false;
          ${after}
          ${code}`);
          expect(stdout).toEqual([
            'first finalizer',
            'alive: true',
            'created by a later exit listener',
            'atexit turned back on',
          ]);
          expect(status).toBe(expectedStatus);
        },
      );
    }
  }

  it.runIf(!isBun)('changes nothing on a stray exit event, and wraps process.emit once', () => {
    // Build tasks and test helpers emit 'exit' by hand while the process goes on. Each of
    // 20,000 later finalizers is made in its own task: none may run while its object lives.
    const { stdout, stderr, status } = run(`
      globalThis.kept = {};
      let ran = 0;
      finalize(kept, () => console.log('ran at exit:', ran));
      const emit = process.emit;
      const listeners = process.listenerCount('exit');
      process.emit('exit', 0);
      for (let i = 0; i < 20_000; i++) {
        finalize(kept, () => ran++);
        await new Promise((resolve) => setImmediate(resolve));
      }
      console.log('ran while alive:', ran);
      console.log('same emit, same listeners:', process.emit === emit, process.listenerCount('exit') === listeners);
      process.exit(0);`);
    expect(stdout).toEqual([
      'ran while alive: 0',
      'same emit, same listeners: true true',
      'ran at exit: 20000',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('runs 20,000 finalizers created during exit in linear time', () => {
    // Each of 20,000 finalizers creates one more while exit processing runs. The work is
    // counted, not timed: every element the exit queue sorts or shifts. Re-sorting the
    // queue per creation (the quadratic path) moved about 4e8; linear work moves O(n).
    const { stdout, status } = run(`
      globalThis.kept = {};
      let moved = 0;
      const { sort, splice } = Array.prototype;
      Array.prototype.sort = function (...args) { moved += this.length; return sort.apply(this, args); };
      Array.prototype.splice = function (start, ...rest) {
        moved += Math.max(0, this.length - start);
        return splice.call(this, start, ...rest);
      };
      let count = 0;
      finalize(kept, () => console.log(count, moved <= 4 * 40_002 || moved));
      const createOne = () => finalize(kept, () => count++);
      for (let i = 0; i < 20_000; i++) finalize(kept, createOne);`);
    expect(stdout).toEqual(['20000 true']);
    expect(status).toBe(0);
  });

  it('registers nothing for a refused finalizer', () => {
    const { stdout } = run(`
      globalThis.kept = {};
      const before = process.listenerCount('exit');
      try { finalize(kept, console.log, 'in args', kept); } catch (e) { console.log(e.name); }
      try { finalize(kept, kept); } catch (e) { console.log(e.name); }
      try { finalize(kept, 'func'); } catch (e) { console.log(e.name); }
      console.log(process.listenerCount('exit') - before);`);
    expect(stdout).toEqual(['TypeError', 'TypeError', 'TypeError', '0']);
  });

  it('runs them when process.emit cannot be replaced', () => {
    const { stdout, status } = run(`
      Object.defineProperty(process, 'emit', { value: process.emit, writable: false });
      globalThis.kept = {};
      finalize(kept, console.log, 'ran at exit');
      process.exitCode = 2;`);
    expect(stdout).toEqual(['ran at exit']);
    expect(status).toBe(2);
  });

  it('has one exit listener, and wraps process.emit, only while a finalizer waits for exit', () => {
    const { stdout } = run(`
      globalThis.kept = {};
      const emit = process.emit;
      const before = process.listenerCount('exit');
      const state = () => console.log(process.listenerCount('exit') - before, process.emit === emit);
      state();
      const first = finalize(kept, () => {});
      const second = finalize(kept, () => {});
      state();
      first.detach();
      state();
      second.atexit = false;
      state();
      second.atexit = true;
      state();
      second();
      state();`);
    expect(stdout).toEqual(['0 true', '1 false', '1 false', '0 true', '1 false', '0 true']);
  });
});
