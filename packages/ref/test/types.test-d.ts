import { describe, expectTypeOf, it } from 'vitest';
import { KeyedRef, type Ref, ref, WeakMethod } from '../src';

describe('types', () => {
  it('types refs by their target', () => {
    expectTypeOf(ref({ a: 1 }).deref()).toEqualTypeOf<{ a: number } | undefined>();
    expectTypeOf(new KeyedRef({}, undefined, 'k').key).toEqualTypeOf<string>();
    const obj = { f: (n: number) => n };
    expectTypeOf(new WeakMethod(obj, obj.f).deref()).toEqualTypeOf<
      ((n: number) => number) | undefined
    >();
    expectTypeOf(new WeakMethod(obj, obj.f)).toMatchTypeOf<WeakRef<(n: number) => number>>();
  });

  it('is covariant in its target, like WeakRef', () => {
    expectTypeOf(ref({ name: 'spam' }, () => {})).toMatchTypeOf<Ref<object>>();
  });

  it('rejects primitive targets', () => {
    // @ts-expect-error numbers cannot be held weakly
    ref(1);
    // @ts-expect-error a callback gets the ref
    ref({}, (r: number) => r);
  });
});
