import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { setUnraisableHook } from '@w/core';
import { callReportingErrors } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ref } from '../src';

// Node only (node:util's inspect, child processes): a thrown value that Node cannot print,
// because its custom inspect throws, must not crash the process from the default hook, which
// prints with console.error.

afterEach(() => {
  setUnraisableHook();
  vi.restoreAllMocks();
});

function unprintable(name: string): object {
  return {
    name,
    [Symbol.for('nodejs.util.inspect.custom')]() {
      throw new Error('cannot inspect me');
    },
  };
}

// Formats like the real console.error, so printing an unprintable value throws here too.
function captureStderr(): string[] {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args) => printed.push(format(...args)));
  return printed;
}

// Synchronous: the objects die once it returns.
function refsThatThrow(count: number, ran: number[], kept: object[]): void {
  for (let i = 0; i < count; i++) {
    kept.push(
      ref({}, () => {
        ran.push(i);
        if (i % 2 === 0) throw unprintable(`callback ${i}`);
      }),
    );
  }
}

describe('the default hook, given a value whose inspect throws', () => {
  it('prints String(value) instead, without throwing', () => {
    const printed = captureStderr();
    const thrower = () => {
      throw unprintable('x');
    };
    expect(() => callReportingErrors(thrower, 'ref callback', undefined)).not.toThrow();
    expect(printed).toEqual(['Exception ignored in: ref callback\n [object Object]']);
  });

  it('keeps the other callbacks running when callbacks throw such values', async () => {
    const printed = captureStderr();
    const ran: number[] = [];
    const kept: object[] = [];
    refsThatThrow(100, ran, kept);
    await collectGarbage();
    expect(ran.sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    expect(printed).toHaveLength(50);
  });

  it('also when a hook throws such a value', async () => {
    const printed = captureStderr();
    setUnraisableHook(() => {
      throw unprintable('thrown by the hook');
    });
    const ran: number[] = [];
    const kept: object[] = [];
    refsThatThrow(100, ran, kept);
    await collectGarbage();
    expect(ran).toHaveLength(100);
    expect(printed).toHaveLength(2 * 50); // the hook's error, then the callback's
  });
});

describe('a process whose callbacks and finalizers throw', () => {
  let built: Awaited<ReturnType<typeof buildForChildren>>;
  beforeAll(async () => {
    built = await buildForChildren({
      weakref: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
      testing: fileURLToPath(new URL('../../core/src/testing.ts', import.meta.url)),
    });
  }, 60_000);
  afterAll(() => built?.remove());

  it('keeps running with the default hook, prints each error, and exits 0', () => {
    const script = join(built.dir, 'storm.mjs');
    writeFileSync(
      script,
      `import { finalize, ref } from './weakref.js';
      import { collectGarbage } from './testing.js';
      const unprintable = { [Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('no'); } };
      const throwables = [() => new Error('plain error'), () => 'a string', () => unprintable];
      const kept = [];
      let ran = 0;
      function storm() {
        for (let i = 0; i < 3000; i++) {
          const target = {};
          const callback = makeCallback(i);
          if (i % 2) kept.push(ref(target, callback));
          else finalize(target, callback);
        }
      }
      function makeCallback(i) {
        return () => {
          ran++;
          if (i % 10 === 0) throw throwables[(i / 10) % 3]();
        };
      }
      storm();
      await collectGarbage();
      console.log('ran', ran);`,
    );
    const child = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe('ran 3000');
    // Once each, from where it was thrown (not again as a 'weak callback' of its own).
    expect(child.stderr.match(/Exception ignored in: (ref callback|finalizer) /g)).toHaveLength(
      300,
    );
    expect(child.stderr.match(/Exception ignored in:/g)).toHaveLength(300);
    expect(child.status).toBe(0);
  });

  it('runs the remaining finalizers at exit after one throws a value that cannot be printed', () => {
    const script = join(built.dir, 'at-exit.mjs');
    writeFileSync(
      script,
      `import { finalize } from './weakref.js';
      const unprintable = { [Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('no'); } };
      globalThis.kept = {};
      finalize(kept, console.log, 'oldest');
      finalize(kept, () => { throw unprintable; });
      finalize(kept, console.log, 'newest');`,
    );
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(child.stdout.trim().split('\n')).toEqual(['newest', 'oldest']);
    expect(child.stderr).toContain(
      'Exception ignored in: finalizer at exit Finalizer { <dead> (anonymous) }',
    );
    expect(child.status).toBe(0);
  });
});
