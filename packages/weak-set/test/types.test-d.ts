import { describe, expectTypeOf, it } from 'vitest';
import { IterableWeakSet, type SetLike } from '../src';

class Listener {
  notify(): void {}
}

describe('IterableWeakSet types', () => {
  it('only holds weakable members', () => {
    // @ts-expect-error numbers cannot be held weakly
    new IterableWeakSet<number>();
    // @ts-expect-error strings cannot be held weakly
    new IterableWeakSet(['a']);
    new IterableWeakSet<symbol>();
    new IterableWeakSet<() => void>();
    const set = new IterableWeakSet<Listener>();
    // @ts-expect-error members have the set's type
    set.add({});
  });

  it('is a Set', () => {
    expectTypeOf(new IterableWeakSet<object>()).toMatchTypeOf<Set<object>>();
    expectTypeOf(new IterableWeakSet<Listener>()).toMatchTypeOf<Set<object>>();
    expectTypeOf(new IterableWeakSet<Listener>()).toMatchTypeOf<SetLike<Listener>>();
    const asSet: Set<object> = new IterableWeakSet<Listener>();
    expectTypeOf(asSet).toEqualTypeOf<Set<object>>();
  });

  it('infers the member type and types iteration', () => {
    const set = new IterableWeakSet([new Listener()]);
    expectTypeOf(set).toEqualTypeOf<IterableWeakSet<Listener>>();
    expectTypeOf([...set]).toEqualTypeOf<Listener[]>();
    expectTypeOf([...set.entries()]).toEqualTypeOf<[Listener, Listener][]>();
    expectTypeOf(set.pop()).toEqualTypeOf<Listener>();
    expectTypeOf(set.copy()).toEqualTypeOf<IterableWeakSet<Listener>>();
  });

  it('types the set methods', () => {
    const set = new IterableWeakSet<Listener>();
    const other = new Set<{ x: number }>();
    expectTypeOf(set.union(other)).toEqualTypeOf<IterableWeakSet<Listener | { x: number }>>();
    expectTypeOf(set.intersection(other)).toEqualTypeOf<
      IterableWeakSet<Listener & { x: number }>
    >();
    expectTypeOf(set.difference(other)).toEqualTypeOf<IterableWeakSet<Listener>>();
    expectTypeOf(set.symmetricDifference(other)).toEqualTypeOf<
      IterableWeakSet<Listener | { x: number }>
    >();
    expectTypeOf(set.isSubsetOf(other)).toEqualTypeOf<boolean>();
    // A Set of numbers adds nothing weakable (it throws at run time): the member type stays.
    expectTypeOf(set.union(new Set([1]))).toEqualTypeOf<IterableWeakSet<Listener>>();
  });
});
