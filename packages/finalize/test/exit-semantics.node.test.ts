import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForChildren } from './child-process';

// Node only: child processes, signals and worker threads. Which finalizers run when a Node
// process (or a worker) ends, and in what order; docs/limits.md has the table.

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren();
}, 60_000);
afterAll(() => built?.remove());

interface Ended {
  stdout: string[];
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

// Three finalizers, created in the order 0, 1, 2, for objects that stay alive.
const THREE_FINALIZERS = `
  globalThis.kept = [{}, {}, {}];
  kept.forEach((obj, i) => finalize(obj, console.log, 'finalizer', i));`;
const NEWEST_FIRST = ['finalizer 2', 'finalizer 1', 'finalizer 0'];

let scripts = 0;
function run(body: string): Ended {
  const script = join(built.dir, `exit-${scripts++}.mjs`);
  writeFileSync(
    script,
    `import { finalize } from './finalize.js';\n` +
      `import { setUnraisableHook } from './core.js';\n${body}\n`,
  );
  const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
  const stdout = child.stdout.split('\n').filter((line) => line !== '');
  return { stdout, stderr: child.stderr, status: child.status, signal: child.signal };
}

describe('when the process ends', () => {
  it('by an uncaught exception: runs them newest first, prints the error, exits 1', () => {
    const ended = run(`${THREE_FINALIZERS}
      throw new Error('nobody caught me');`);
    expect(ended.stdout).toEqual(NEWEST_FIRST);
    expect(ended.stderr).toContain('nobody caught me');
    expect(ended.status).toBe(1);
  });

  it('by an uncaught exception later, in a task: the same', () => {
    const ended = run(`${THREE_FINALIZERS}
      setTimeout(() => { throw new Error('thrown in a timer'); }, 1);`);
    expect(ended.stdout).toEqual(NEWEST_FIRST);
    expect(ended.stderr).toContain('thrown in a timer');
    expect(ended.status).toBe(1);
  });

  it('by an unhandled rejection: the same', () => {
    const ended = run(`${THREE_FINALIZERS}
      Promise.reject(new Error('nobody handled me'));`);
    expect(ended.stdout).toEqual(NEWEST_FIRST);
    expect(ended.stderr).toContain('nobody handled me');
    expect(ended.status).toBe(1);
  });

  it('keeps the exit status of an uncaught exception when a finalizer throws too', () => {
    const ended = run(`${THREE_FINALIZERS}
      finalize(kept[0], () => { throw new Error('finalizer failed'); });
      throw new Error('nobody caught me');`);
    expect(ended.stdout).toEqual(NEWEST_FIRST);
    expect(ended.stderr).toContain('Exception ignored in: finalizer at exit');
    expect(ended.stderr).toContain('finalizer failed');
    expect(ended.status).toBe(1);
  });

  it('by process.exitCode: runs them and keeps the status', () => {
    const ended = run(`${THREE_FINALIZERS}
      process.exitCode = 4;`);
    expect(ended.stdout).toEqual(NEWEST_FIRST);
    expect(ended.status).toBe(4);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('by %s with a handler that calls process.exit(): runs them', (signal, code) => {
    const ended = run(`${THREE_FINALIZERS}
      process.on('${signal}', () => process.exit(${code}));
      setInterval(() => {}, 1000); // would keep running
      process.kill(process.pid, '${signal}');`);
    expect(ended.stdout).toEqual(NEWEST_FIRST);
    expect([ended.status, ended.signal]).toEqual([code, null]);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL'] as const)(
    'by %s with no handler: runs none',
    (signal) => {
      const ended = run(`${THREE_FINALIZERS}
      setInterval(() => {}, 1000);
      process.kill(process.pid, '${signal}');`);
      expect(ended.stdout).toEqual([]);
      expect([ended.status, ended.signal]).toEqual([null, signal]);
    },
  );

  it('by process.exit() called in a finalizer at exit: the ones after it do not run', () => {
    const ended = run(`${THREE_FINALIZERS}
      finalize(kept[0], () => { console.log('exits'); process.exit(4); });`);
    // Python's weakref.finalize stops the same way on sys.exit() in a finalizer at exit.
    expect(ended.stdout).toEqual(['exits']);
    expect(ended.status).toBe(4);
  });

  it('runs one whose object was collected but whose cleanup has not run yet', () => {
    const ended = run(`
      import v8 from 'node:v8';
      import vm from 'node:vm';
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc');
      function finalizeDying() {
        return finalize({}, console.log, 'finalizer of a collected object');
      }
      const f = finalizeDying();
      setTimeout(() => {
        gc(); // collected now; its cleanup task would come later
        console.log('collected:', f.peek() === undefined, 'alive:', f.alive);
        process.exit(0);
      }, 0);`);
    expect(ended.stdout).toEqual([
      'collected: true alive: true',
      'finalizer of a collected object',
    ]);
  });

  it('runs them as one exit listener, added by the first finalize()', () => {
    const ended = run(`
      process.on('exit', () => console.log('listener added before'));
      ${THREE_FINALIZERS}
      process.on('exit', () => console.log('listener added after'));`);
    expect(ended.stdout).toEqual([
      'listener added before',
      ...NEWEST_FIRST,
      'listener added after',
    ]);
  });
});

describe('worker threads', () => {
  // The script is both: the main thread starts itself as a worker, with `how` as workerData.
  function runWorker(how: string, mainAfter = ''): Ended {
    return run(`
      import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
      if (isMainThread) {
        globalThis.kept = {};
        finalize(kept, console.log, 'main finalizer');
        const worker = new Worker(new URL(import.meta.url), { workerData: ${JSON.stringify(how)} });
        worker.on('error', (e) => console.log('worker error:', e.message));
        worker.on('exit', (code) => console.log('worker exited', code));
        ${mainAfter}
      } else {
        globalThis.kept = [{}, {}];
        finalize(kept[0], console.log, 'worker finalizer 0');
        finalize(kept[1], console.log, 'worker finalizer 1');
        if (workerData === 'exit') process.exit(7);
        if (workerData === 'throw') throw new Error('worker failed');
        if (workerData === 'wait') { setInterval(() => {}, 1000); parentPort.postMessage('waiting'); }
      }`);
  }

  const workerNewestFirst = ['worker finalizer 1', 'worker finalizer 0'];

  it("run a worker's finalizers at the worker's natural end, not the main thread's", () => {
    const ended = runWorker('end');
    expect(ended.stdout).toEqual([...workerNewestFirst, 'worker exited 0', 'main finalizer']);
    expect(ended.status).toBe(0);
  });

  it('run them on process.exit() in the worker, which ends only the worker', () => {
    const ended = runWorker('exit');
    expect(ended.stdout).toEqual([...workerNewestFirst, 'worker exited 7', 'main finalizer']);
    expect(ended.status).toBe(0);
  });

  it('run them when the worker dies of an uncaught exception', () => {
    const ended = runWorker('throw');
    expect(ended.stdout).toEqual([
      ...workerNewestFirst,
      'worker error: worker failed',
      'worker exited 1',
      'main finalizer',
    ]);
  });

  it('do not run when the main thread terminates the worker', () => {
    const ended = runWorker('wait', `worker.on('message', () => worker.terminate());`);
    expect(ended.stdout).toEqual(['worker exited 1', 'main finalizer']);
  });

  it('do not run when the main thread exits while the worker runs', () => {
    const ended = runWorker('wait', `worker.on('message', () => process.exit(0));`);
    expect(ended.stdout).toEqual(['main finalizer']);
  });
});
