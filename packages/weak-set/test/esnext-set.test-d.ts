/// <reference lib="esnext.collection" />
// Users on a newer lib see the ES2025 methods on `Set` (this reference turns them on for the
// package's type-check): IterableWeakSet must still implement it and work with them.
import { describe, expectTypeOf, it } from 'vitest';
import { IterableWeakSet } from '../src';

class Listener {
  notify(): void {}
}

describe('with the ES2025 Set methods in the lib', () => {
  it('is still a Set and a ReadonlySetLike', () => {
    expectTypeOf(new IterableWeakSet<Listener>()).toMatchTypeOf<Set<object>>();
    expectTypeOf(new IterableWeakSet<Listener>()).toMatchTypeOf<ReadonlySetLike<Listener>>();
  });

  it('works as the argument of native Set methods, and takes a native Set', () => {
    const listeners = new IterableWeakSet<Listener>();
    expectTypeOf(new Set<object>().union(listeners)).toMatchTypeOf<Set<object>>();
    expectTypeOf(listeners.union(new Set<Listener>())).toEqualTypeOf<IterableWeakSet<Listener>>();
  });
});
