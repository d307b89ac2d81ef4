import { collectGarbage } from '@w/core/testing';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { getWeakRefCount, getWeakRefs, KeyedRef, type Ref, ref } from '../src';

describe('getWeakRefs / getWeakRefCount', () => {
  it('lists live refs: the reused one first, then the others newest first', () => {
    const target = {};
    const first = ref(target, () => {});
    const plain = ref(target);
    const second = new KeyedRef(target, undefined, 'k');
    expect(getWeakRefs(target)).toEqual([plain, second, first]);
    expect(getWeakRefs(target)[0]).toBe(plain);
    expect(getWeakRefCount(target)).toBe(3);
  });

  it('answers 0 / [] for objects without refs and for primitives', () => {
    expect(getWeakRefCount({})).toBe(0);
    expect(getWeakRefs(5)).toEqual([]);
    expect(getWeakRefCount(null)).toBe(0);
  });

  it('stops counting refs that were collected', async () => {
    const target = {};
    const kept: Ref = ref(target, () => {});
    (() => {
      ref(target);
      ref(target, () => {});
    })();
    expect(getWeakRefCount(target)).toBe(3);
    await collectGarbage();
    expect(getWeakRefs(target)).toEqual([kept]);
  });

  it.runIf(hasNodeApis)(
    'stays flat for a long-lived target whose refs with callbacks come and go',
    async () => {
      const target = {};
      const churn = () => {
        for (let i = 0; i < 20_000; i++) ref(target, () => {});
      };
      // The peak first: JavaScriptCore's FinalizationRegistry keeps the capacity its
      // registrations grew to (Bun: ~7 MB after 200,000 in one task, reused by later ones).
      // That peak is not residue.
      for (let round = 0; round < 10; round++) churn();
      await collectGarbage();
      const before = process.memoryUsage().heapUsed;
      for (let round = 0; round < 10; round++) churn();
      await collectGarbage();
      churn();
      await collectGarbage();
      expect(getWeakRefCount(target)).toBe(0);
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 1024 * 1024);
    },
  );
});

describe('the reused ref', () => {
  it('leaves later refs tracked after ref() was refused a bad target', () => {
    expect(() => ref(7 as never)).toThrow(TypeError);
    const target = {};
    const tracked = new KeyedRef(target, undefined, 'k');
    expect(getWeakRefs(target)).toEqual([tracked]);
  });

  it('is listed once, first', () => {
    const target = {};
    const other = ref(target, () => {});
    const reused = ref(target);
    expect(getWeakRefs(target)).toEqual([reused, other]);
  });
});
