import { setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { getWeakRefCount, Ref, ref } from '../src';

afterEach(() => setUnraisableHook());

describe('ref', () => {
  it('is a native WeakRef that derefs to its live target', () => {
    const target = {};
    const r = ref(target);
    expect(r).toBeInstanceOf(WeakRef);
    expect(r).toBeInstanceOf(Ref);
    expect(r.deref()).toBe(target);
  });

  it('reuses the callback-less ref of a live target, as Python does', () => {
    const target = {};
    expect(ref(target)).toBe(ref(target));
  });

  it('makes a new ref when there is a callback, or with new Ref', () => {
    const target = {};
    const cb = () => {};
    expect(ref(target, cb)).not.toBe(ref(target, cb));
    expect(ref(target, cb)).not.toBe(ref(target));
    expect(new Ref(target)).not.toBe(ref(target));
  });

  it('holds unregistered symbols', () => {
    const symbol = Symbol('s');
    expect(ref(symbol).deref()).toBe(symbol);
  });

  it('exposes its callback until it runs', () => {
    const cb = () => {};
    expect(ref({}, cb).callback).toBe(cb);
    expect(ref({}).callback).toBeUndefined();
  });
});

describe('bad input', () => {
  it.each([
    [1, 'number'],
    ['text', 'string'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Symbol.for('x'), 'registered symbol'],
  ])('rejects a %s target with a TypeError naming it', (target, name) => {
    const message = `cannot create weak reference to '${name}' value`;
    expect(() => ref(target as never)).toThrow(new TypeError(message));
    expect(() => new Ref(target as never)).toThrow(new TypeError(message));
  });

  it('rejects a callback that is not a function, registering nothing', () => {
    const target = {};
    expect(() => ref(target, 'nope' as never)).toThrow(
      new TypeError(`callback must be a function, not 'string'`),
    );
    expect(getWeakRefCount(target)).toBe(0);
  });
});

describe('equals (Python ==)', () => {
  it('is true for two live refs to the same object', () => {
    const target = {};
    expect(ref(target, () => {}).equals(ref(target))).toBe(true);
    expect(ref(target).equals(ref({}))).toBe(false);
    expect(ref(target).equals(target)).toBe(false);
  });

  it('is identity once the referent is gone', async () => {
    const [a, b] = (() => {
      const target = {};
      return [ref(target, () => {}), ref(target, () => {})];
    })();
    await collectGarbage();
    expect(a.deref()).toBeUndefined();
    expect(a.equals(b)).toBe(false);
    expect(a.equals(a)).toBe(true);
  });
});

describe('callbacks', () => {
  function refsToDyingObject(log: string[], count: number): Ref[] {
    const target = {};
    const refs: Ref[] = [];
    for (let i = 0; i < count; i++) {
      refs.push(
        ref(target, (r) => {
          log.push(`cb${i}:${r === refs[i]}:${refs.every((each) => each.deref() === undefined)}`);
        }),
      );
    }
    return refs;
  }

  it('runs once, with the ref, after collection, newest first, every ref already cleared', async () => {
    const log: string[] = [];
    const refs = refsToDyingObject(log, 3);
    expect(log).toEqual([]);
    await collectGarbage();
    expect(log).toEqual(['cb2:true:true', 'cb1:true:true', 'cb0:true:true']);
    expect(refs.map((r) => r.callback)).toEqual([undefined, undefined, undefined]);
    await collectGarbage();
    expect(log).toHaveLength(3);
  });

  it('never runs during the synchronous code that dropped the target', () => {
    const log: string[] = [];
    refsToDyingObject(log, 1);
    (globalThis as { gc?: () => void }).gc?.();
    expect(log).toEqual([]);
  });

  it('reports a throwing callback to the unraisable hook and still runs the others', async () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    const log: string[] = [];
    // A ref's callback runs only while the ref itself lives: keep both.
    const [older, throwing] = (() => {
      const target = {};
      return [
        ref(target, () => log.push('older')),
        ref(target, () => {
          throw new Error('callback failed');
        }),
      ];
    })();
    await collectGarbage();
    expect(log).toEqual(['older']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ origin: 'ref callback', object: throwing });
    expect(String(seen[0]!.error)).toBe('Error: callback failed');
    expect(older.callback).toBeUndefined();
  });

  it('does not run, and frees the ref and its callback, when the ref dies first', async () => {
    const target = {};
    const log: string[] = [];
    const [refProbe, callbackProbe] = (() => {
      const callback = () => log.push('called');
      const r = ref(target, callback);
      return [new WeakRef(r), new WeakRef(callback)];
    })();
    await collectGarbage();
    expect(refProbe.deref()).toBeUndefined();
    expect(callbackProbe.deref()).toBeUndefined();
    expect(getWeakRefCount(target)).toBe(0);
    expect(log).toEqual([]);
  });

  // Bun collects on its own when idle, so the target can die while the new ref is still held
  // strongly until the next task (docs/collection.md): then its callback runs. Seen before
  // this round too, when the test runs alone.
  it.skipIf('Bun' in globalThis)(
    'does not run when the ref dies together with its target',
    async () => {
      const log: string[] = [];
      (() => {
        ref({}, () => log.push('called'));
      })();
      await collectGarbage();
      expect(log).toEqual([]);
    },
  );
});
