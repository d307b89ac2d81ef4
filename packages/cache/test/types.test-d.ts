import { describe, expectTypeOf, it } from 'vitest';
import { type RemovalCause, WeakCache } from '../src';

describe('WeakCache types', () => {
  it('accepts only weakable value types', () => {
    // @ts-expect-error numbers cannot be held weakly
    expectTypeOf<WeakCache<string, number>>().toBeObject();
    // @ts-expect-error strings cannot be held weakly
    new WeakCache<string, string>({ strong: 1 });
    expectTypeOf<WeakCache<number, () => void>>().toBeObject();
    expectTypeOf<WeakCache<number, symbol>>().toBeObject();
    const cache = new WeakCache<string, object>({ strong: 1 });
    // @ts-expect-error set rejects a primitive value
    cache.set('a', 1);
    // @ts-expect-error strong is required
    new WeakCache<string, object>({});
  });

  it('is a Map, with the cache verbs', () => {
    expectTypeOf<WeakCache<string, object>>().toExtend<Map<string, object>>();
    const cache = new WeakCache<string, { n: number }>({ strong: 1 });
    expectTypeOf(cache.peek('a')).toEqualTypeOf<{ n: number } | undefined>();
    expectTypeOf(cache.set('a', { n: 1 })).toEqualTypeOf<typeof cache>();
    expectTypeOf(cache.strong).toEqualTypeOf<number>();
    expectTypeOf(cache.strongSize).toEqualTypeOf<number>();
  });

  it("types onRemove's key and cause", () => {
    new WeakCache<number, object>({
      strong: 0,
      onRemove(key, cause) {
        expectTypeOf(key).toEqualTypeOf<number>();
        expectTypeOf(cause).toEqualTypeOf<RemovalCause>();
        expectTypeOf<RemovalCause>().toEqualTypeOf<
          'collected' | 'deleted' | 'replaced' | 'cleared'
        >();
      },
    });
  });
});
