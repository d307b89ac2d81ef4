import type { KeyedRef } from '@w/ref';
import { describe, expectTypeOf, it } from 'vitest';
import { WeakValueMap } from '../src';

describe('WeakValueMap types', () => {
  it('accepts only weakable value types', () => {
    // @ts-expect-error numbers cannot be held weakly
    expectTypeOf<WeakValueMap<string, number>>().toBeObject();
    // @ts-expect-error strings cannot be held weakly
    new WeakValueMap<string, string>();
    expectTypeOf<WeakValueMap<string, object>>().toBeObject();
    expectTypeOf<WeakValueMap<number, () => void>>().toBeObject();
    expectTypeOf<WeakValueMap<number, symbol>>().toBeObject();
    const m = new WeakValueMap<string, object>();
    // @ts-expect-error set rejects a primitive value
    m.set('a', 1);
  });

  it('is a Map', () => {
    expectTypeOf<WeakValueMap<string, object>>().toExtend<Map<string, object>>();
    const asMap: Map<string, object> = new WeakValueMap<string, object>();
    expectTypeOf(asMap.get('a')).toEqualTypeOf<object | undefined>();
  });

  it('infers keys and values from the constructor', () => {
    const value = { n: 1 };
    const m = new WeakValueMap([['a', value]]);
    expectTypeOf(m).toEqualTypeOf<WeakValueMap<string, { n: number }>>();
    expectTypeOf(m.get('a')).toEqualTypeOf<{ n: number } | undefined>();
  });

  it('types the Python extras', () => {
    const m = new WeakValueMap<string, { n: number }>();
    expectTypeOf(m.pop('a')).toEqualTypeOf<{ n: number }>();
    expectTypeOf(m.pop('a', null)).toEqualTypeOf<{ n: number } | null>();
    expectTypeOf(m.popItem()).toEqualTypeOf<[string, { n: number }]>();
    expectTypeOf(m.copy()).toEqualTypeOf<WeakValueMap<string, { n: number }>>();
    expectTypeOf(m.valueRefs()).toEqualTypeOf<KeyedRef<string, { n: number }>[]>();
    expectTypeOf(m.union(new Map([[1, { s: '' }]]))).toEqualTypeOf<
      WeakValueMap<string | number, { n: number } | { s: string }>
    >();
    expectTypeOf(m.getOrInsertComputed('a', (key) => ({ n: key.length }))).toEqualTypeOf<{
      n: number;
    }>();
    m.update({ a: { n: 1 } });
    // @ts-expect-error update checks value types
    m.update([['a', { s: '' }]]);
  });
});
