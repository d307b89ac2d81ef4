import type { Ref } from '@w/ref';
import { describe, expectTypeOf, it } from 'vitest';
import { WeakKeyMap } from '../src';

describe('WeakKeyMap types', () => {
  it('rejects primitive keys', () => {
    // @ts-expect-error string cannot be held weakly
    type Bad = WeakKeyMap<string, number>;
    // @ts-expect-error number cannot be held weakly
    new WeakKeyMap<number, number>();
    expectTypeOf<WeakKeyMap<symbol, number>>().toMatchTypeOf<Map<symbol, number>>();
    expectTypeOf<Bad>().not.toBeAny();
  });

  it('is assignable to Map', () => {
    const map: Map<object, number> = new WeakKeyMap<object, number>();
    expectTypeOf(map).toEqualTypeOf<Map<object, number>>();
    expectTypeOf<WeakKeyMap<object, number>>().toMatchTypeOf<Map<object, number>>();
  });

  it('infers key and value types from entries', () => {
    const key = { id: 1 };
    expectTypeOf(new WeakKeyMap([[key, 'v']])).toEqualTypeOf<WeakKeyMap<{ id: number }, string>>();
  });

  it('types the Python-style methods', () => {
    const map = new WeakKeyMap<object, number>();
    expectTypeOf(map.pop({})).toEqualTypeOf<number>();
    expectTypeOf(map.pop({}, 'none')).toEqualTypeOf<number | string>();
    expectTypeOf(map.popItem()).toEqualTypeOf<[object, number]>();
    expectTypeOf(map.keyRefs()).toEqualTypeOf<Ref<object>[]>();
    expectTypeOf(map.copy()).toEqualTypeOf<WeakKeyMap<object, number>>();
    expectTypeOf(map.union(new Map<symbol, string>())).toEqualTypeOf<
      WeakKeyMap<object | symbol, number | string>
    >();
    expectTypeOf(map.getOrInsertComputed({}, () => 1)).toEqualTypeOf<number>();
    // @ts-expect-error keys must stay weakable in update
    map.update([['a', 1]]);
  });
});
