import { setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { afterEach, describe, expect, it } from 'vitest';
import { type Finalizer, finalize } from '../src';

afterEach(() => setUnraisableHook());

// Each helper drops its object when it returns (a suspended async test would keep it).
function finalizeDying(log: string[], message: string): Finalizer {
  return finalize({}, (m: string) => log.push(m), message);
}

function finalizeDyingNewestLast(log: string[], count: number): void {
  const obj = {};
  for (let i = 0; i < count; i++) finalize(obj, (n: number) => log.push(`finalizer ${n}`), i);
}

function finalizeDyingWith(kept: Finalizer[], func: () => void): void {
  kept.push(finalize({}, func));
}

function weakRefToDying<T extends object>(
  make: (obj: T) => void,
  create: () => T = () => ({}) as T,
): WeakRef<T> {
  const obj = create();
  make(obj);
  return new WeakRef(obj);
}

describe('after collection', () => {
  it('runs the finalizer with its arguments, and it is dead then', async () => {
    const log: string[] = [];
    const f = finalizeDying(log, 'You killed Kenny!');
    expect(log).toEqual([]);
    await collectGarbage();
    expect(log).toEqual(['You killed Kenny!']);
    expect(f.alive).toBe(false);
    expect(f()).toBeUndefined();
    expect(log).toEqual(['You killed Kenny!']);
  });

  it('runs several finalizers of one object newest first', async () => {
    const log: string[] = [];
    finalizeDyingNewestLast(log, 3);
    await collectGarbage();
    expect(log).toEqual(['finalizer 2', 'finalizer 1', 'finalizer 0']);
  });

  it('runs even when the Finalizer itself was dropped (Python keeps it until it runs)', async () => {
    const log: string[] = [];
    finalizeDying(log, 'dropped finalizer ran'); // the returned Finalizer is not kept
    await collectGarbage();
    expect(log).toEqual(['dropped finalizer ran']);
  });

  it('reports an error to the unraisable hook and still runs the others', async () => {
    const reports: Unraisable[] = [];
    setUnraisableHook((u) => reports.push(u));
    const log: string[] = [];
    const error = new Error('finalizer failed');
    let failing: Finalizer | undefined;
    weakRefToDying((obj) => {
      finalize(obj, () => log.push('older'));
      failing = finalize(obj, () => {
        throw error;
      });
      finalize(obj, () => log.push('newer'));
    });
    await collectGarbage();
    expect(log).toEqual(['newer', 'older']);
    expect(reports).toEqual([{ error, origin: 'finalizer', object: failing }]);
    expect(failing?.alive).toBe(false);
  });

  it('never runs a detached finalizer', async () => {
    const log: string[] = [];
    const f = finalizeDying(log, 'detached');
    f.detach(); // same task as the creation, so the object is surely still alive
    await collectGarbage();
    expect(log).toEqual([]);
  });

  it('never runs a finalizer that was called early', async () => {
    const log: string[] = [];
    finalizeDying(log, 'called early')();
    await collectGarbage();
    expect(log).toEqual(['called early']);
  });

  it('holds the object only weakly', async () => {
    const kept: Finalizer[] = [];
    const target = weakRefToDying((obj) => kept.push(finalize(obj, () => {})));
    await collectGarbage();
    expect(target.deref()).toBeUndefined();
    expect(kept[0]?.alive).toBe(false);
  });

  it('keeps func and args while alive, and lets them go once detached', async () => {
    const obj = {};
    const kept: Finalizer[] = [];
    const argRef = weakRefToDying((arg) => kept.push(finalize(obj, (_arg: object) => {}, arg)));
    await collectGarbage();
    expect(argRef.deref()).toBeDefined();
    kept[0]?.detach();
    await collectGarbage();
    expect(argRef.deref()).toBeUndefined();
    expect(obj).toBeDefined();
  });

  it('lets func and args go once it has run by collection, though the Finalizer is kept', async () => {
    const kept: Finalizer[] = [];
    const funcRef = weakRefToDying(
      (func) => finalizeDyingWith(kept, func),
      () => () => {},
    );
    await collectGarbage();
    expect(kept[0]?.alive).toBe(false);
    expect(funcRef.deref()).toBeUndefined();
  });

  it.each([
    ['detached', (f: Finalizer) => f.detach()],
    ['called', (f: Finalizer) => f()],
  ])('keeps nothing of a finalizer %s while its object lives', async (_, end) => {
    const obj = {};
    const finalizerRef = weakRefToDying(end, () => finalize(obj, () => {}));
    await collectGarbage();
    expect(finalizerRef.deref()).toBeUndefined();
    expect(obj).toBeDefined();
  });

  it('lets a refused object be collected', async () => {
    const target = weakRefToDying((obj) => {
      expect(() => finalize(obj, (_self: object) => {}, obj)).toThrow(TypeError);
    });
    await collectGarbage();
    expect(target.deref()).toBeUndefined();
  });
});

describe('between collection and cleanup', () => {
  const gc = (globalThis as { gc?: () => void }).gc!;

  it('is still alive while peek() and detach() already give undefined', async () => {
    const log: string[] = [];
    const f = finalizeDying(log, 'ran by cleanup');
    await nextTask(); // the WeakRef keeps its target alive until the task that made it ends
    gc();
    // Synchronously after the collection: the object is gone, the cleanup has not run.
    const seen = { alive: f.alive, peek: f.peek(), detach: f.detach(), log: [...log] };
    expect(seen).toEqual({ alive: true, peek: undefined, detach: undefined, log: [] });
    await collectGarbage();
    expect(log).toEqual(['ran by cleanup']); // detach() did not cancel it
    expect(f.alive).toBe(false);
  });

  it('can still be called, and then the cleanup does not run it again', async () => {
    const log: string[] = [];
    const f = finalizeDying(log, 'ran once');
    await nextTask();
    gc();
    const peeked = f.peek();
    const result = f();
    expect({ peeked, result, log: [...log] }).toEqual({
      peeked: undefined,
      result: 1,
      log: ['ran once'],
    });
    await collectGarbage();
    expect(log).toEqual(['ran once']);
  });
});
