import { setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finalize, proxy, ref } from '../src';

// Callback storms: thousands of ref callbacks, proxy callbacks and finalizers run by one
// collection, some of them throwing. Every error reaches the unraisable hook exactly once,
// every other callback still runs (each once, newest first per object), and nothing escapes
// to crash the process (Vitest fails a run on any uncaught error).

afterEach(() => {
  setUnraisableHook();
  vi.restoreAllMocks();
});

const TARGETS = 1500;
const KINDS = ['ref', 'proxy', 'finalizer', 'ref', 'finalizer'] as const; // per target, in order
type Kind = (typeof KINDS)[number];
const ORIGINS = { ref: 'ref callback', proxy: 'proxy callback', finalizer: 'finalizer' };

// Thrown values of several shapes; the last one cannot even be printed (its inspect throws).
const throwables: ((name: string) => unknown)[] = [
  (name) => new Error(name),
  (name) => new TypeError(name),
  (name) => ({ name }),
  (name) => ({
    name,
    [Symbol.for('nodejs.util.inspect.custom')]() {
      throw new Error('cannot inspect me');
    },
  }),
];

interface Storm {
  kept: unknown[]; // refs and proxies: only a live ref or proxy calls back
  calls: Map<number, string[]>; // target -> callbacks in the order they ran
  thrown: Map<unknown, { origin: string; name: string }>; // what each thrower threw
  throwers: number;
  owners: Map<string, unknown>; // callback name -> its ref, proxy or finalizer
}

function newStorm(): Storm {
  return { kept: [], calls: new Map(), thrown: new Map(), throwers: 0, owners: new Map() };
}

// Synchronous: every target is unreachable once it returns.
function startStorm(storm: Storm): void {
  for (let i = 0; i < TARGETS; i++) {
    const target = { i };
    storm.calls.set(i, []);
    for (const [k, kind] of KINDS.entries()) {
      const name = `${kind} ${i}.${k}`;
      const callback = makeCallback(storm, i, k, kind, name);
      if (kind === 'finalizer') storm.owners.set(name, finalize(target, callback));
      else {
        const made = kind === 'ref' ? ref(target, callback) : proxy(target, callback);
        storm.kept.push(made);
        storm.owners.set(name, made);
      }
    }
  }
}

// Apart, so that no callback's closure can see (and keep alive) its target.
function makeCallback(storm: Storm, i: number, k: number, kind: Kind, name: string) {
  const throws = (i * KINDS.length + k) % 5 === 0;
  if (throws) storm.throwers++;
  return () => {
    storm.calls.get(i)!.push(name);
    if (!throws) return;
    const error = throwables[(i + k) % throwables.length]!(name);
    storm.thrown.set(error, { origin: ORIGINS[kind], name });
    throw error;
  };
}

function expectEveryCallbackRanOnceNewestFirst(storm: Storm): void {
  for (const [i, calls] of storm.calls) {
    const newestFirst = KINDS.map((kind, k) => `${kind} ${i}.${k}`).reverse();
    expect(calls, `callbacks of target ${i}`).toEqual(newestFirst);
  }
  expect(storm.thrown.size).toBe(storm.throwers);
}

describe('a storm of callbacks where some throw', () => {
  it('hands every error to the hook exactly once, with its origin and owner', async () => {
    const reports: Unraisable[] = [];
    setUnraisableHook((u) => reports.push(u));
    const storm = newStorm();
    startStorm(storm);
    await collectGarbage();
    expectEveryCallbackRanOnceNewestFirst(storm);
    expect(reports).toHaveLength(storm.throwers);
    expect(new Set(reports.map((u) => u.error)).size).toBe(storm.throwers);
    for (const { error, origin, object } of reports) {
      const thrown = storm.thrown.get(error);
      expect(thrown, 'a reported error that no callback threw').toBeDefined();
      expect(origin).toBe(thrown!.origin);
      expect(object).toBe(storm.owners.get(thrown!.name));
    }
  });

  it('survives a hook that itself throws: both errors are printed, the rest still run', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message) => printed.push(String(message)));
    const seen: unknown[] = [];
    setUnraisableHook(({ error }) => {
      seen.push(error);
      if (seen.length % 2 === 0) throw new Error(`hook failed on report ${seen.length}`);
    });
    const storm = newStorm();
    startStorm(storm);
    await collectGarbage();
    expectEveryCallbackRanOnceNewestFirst(storm);
    expect(seen).toHaveLength(storm.throwers);
    expect(new Set(seen).size).toBe(storm.throwers);
    // Each failure of the hook prints the hook's error, then the error it was given.
    const failures = Math.floor(storm.throwers / 2);
    expect(
      printed.filter((p) => p.startsWith('Exception ignored in: unraisable hook')),
    ).toHaveLength(failures);
    expect(printed).toHaveLength(2 * failures);
  });
});
