import { collectGarbage } from '@w/core/testing';
import { describe, expect, it } from 'vitest';
import { KeyedRef, Ref } from '../src';

describe('KeyedRef', () => {
  it('is a Ref that carries a key', () => {
    const target = {};
    const r = new KeyedRef(target, undefined, 'answer');
    expect(r).toBeInstanceOf(Ref);
    expect(r.key).toBe('answer');
    expect(r.deref()).toBe(target);
  });

  it('hands itself, key included, to its callback', async () => {
    const keys: string[] = [];
    (() => {
      new KeyedRef({}, (r) => keys.push(r.key), 'gone');
    })();
    // The KeyedRef itself must survive for its callback to run: keep it.
    const kept = (() => new KeyedRef({}, (r) => keys.push(r.key), 'kept-ref'))();
    await collectGarbage();
    expect(keys).toEqual(['kept-ref']);
    expect(kept.key).toBe('kept-ref');
  });
});
