import { describe, expectTypeOf, it } from 'vitest';
import { isProxy, type ProxyCallback, proxy } from '../src';

describe('types', () => {
  it('types the proxy as its target', () => {
    expectTypeOf(proxy({ a: 1 })).toEqualTypeOf<{ a: number }>();
    expectTypeOf(proxy(new Map<string, number>())).toEqualTypeOf<Map<string, number>>();
    expectTypeOf(proxy((n: number) => `${n}`)).toEqualTypeOf<(n: number) => string>();
    expectTypeOf(proxy([1, 2])).toEqualTypeOf<number[]>();
    class Point {
      x = 0;
    }
    expectTypeOf(new (proxy(Point))()).toEqualTypeOf<Point>();
  });

  it('gives the callback the proxy', () => {
    proxy({ a: 1 }, (p) => expectTypeOf(p).toEqualTypeOf<{ a: number }>());
    expectTypeOf<ProxyCallback<Date>>().toEqualTypeOf<(proxy: Date) => void>();
    expectTypeOf(isProxy).returns.toEqualTypeOf<boolean>();
  });

  it('rejects primitives and wrong callbacks', () => {
    // @ts-expect-error numbers cannot be proxied
    proxy(1);
    // @ts-expect-error symbols cannot be proxied
    proxy(Symbol('s'));
    // @ts-expect-error the callback gets the proxy, not a number
    proxy({}, (p: number) => p);
  });
});
