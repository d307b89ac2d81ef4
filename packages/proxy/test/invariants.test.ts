import { describe, expect, it } from 'vitest';
import { proxy } from '../src';

// Every operation that consults the Proxy invariants, run on one proxy.
function exercise(p: any): void {
  Object.keys(p);
  Object.getOwnPropertyNames(p);
  Object.getOwnPropertyDescriptors(p);
  for (const key of Reflect.ownKeys(p)) {
    Reflect.get(p, key);
    Reflect.has(p, key);
    Object.getOwnPropertyDescriptor(p, key);
  }
  Object.isFrozen(p);
  Object.isSealed(p);
  Object.isExtensible(p);
  Object.getPrototypeOf(p);
  JSON.stringify(p);
  ({ ...p });
}

// Field by field with Object.is: deep equality would walk (and run) generator prototypes.
function expectSameDescriptor(actual?: PropertyDescriptor, expected?: PropertyDescriptor): void {
  expect(actual && Object.keys(actual)).toEqual(expected && Object.keys(expected));
  for (const field of Object.keys(expected ?? {}) as (keyof PropertyDescriptor)[]) {
    expect(Object.is(actual?.[field], expected?.[field])).toBe(true);
  }
}

describe('Proxy invariants', () => {
  const cases: [string, () => object][] = [
    ['frozen object', () => Object.freeze({ a: 1, f() {}, o: {} })],
    ['sealed object', () => Object.seal({ a: 1, f() {} })],
    ['non-extensible object', () => Object.preventExtensions({ a: 1 })],
    ['frozen array', () => Object.freeze([1, 2, 3])],
    ['sealed array', () => Object.seal([1, 2])],
    ['non-extensible array', () => Object.preventExtensions([1, 2])],
    ['frozen function', () => Object.freeze(() => 1)],
    ['frozen class', () => Object.freeze(class A {})],
    ['class (non-writable prototype)', () => class B {}],
    ['generator function', () => function* g() {}],
    ['String object', () => new String('ab')],
    [
      'object with non-configurable properties',
      () =>
        Object.defineProperties(
          {},
          {
            fixed: { value: 1, writable: false, configurable: false, enumerable: true },
            open: { value: 2, writable: true, configurable: false, enumerable: true },
            accessor: { get: () => 3, configurable: false },
          },
        ),
    ],
  ];

  it.each(cases)('%s: no invariant TypeError, and the same answers as the target', (_, make) => {
    const target = make();
    const p = proxy(target);
    expect(() => exercise(p)).not.toThrow();
    expect(Object.isFrozen(p)).toBe(Object.isFrozen(target));
    expect(Object.isSealed(p)).toBe(Object.isSealed(target));
    expect(Object.isExtensible(p)).toBe(Object.isExtensible(target));
    expect(Reflect.ownKeys(p)).toEqual(Reflect.ownKeys(target));
    for (const key of Reflect.ownKeys(target)) {
      expectSameDescriptor(
        Reflect.getOwnPropertyDescriptor(p, key),
        Reflect.getOwnPropertyDescriptor(target, key),
      );
    }
    expect(() => exercise(p)).not.toThrow();
  });

  it('returns an own frozen function as is (the invariant demands the same value)', () => {
    const f = () => 1;
    const p = proxy(Object.freeze({ f }));
    Object.isFrozen(p);
    expect(p.f).toBe(f);
  });

  it('freezes, seals and prevents extensions of the target through the proxy', () => {
    const frozen = { a: 1, m() {} };
    const p = proxy(frozen);
    Object.freeze(p);
    expect(Object.isFrozen(frozen)).toBe(true);
    expect(Object.isFrozen(p)).toBe(true);
    expect(() => exercise(p)).not.toThrow();

    const sealed = [1, 2];
    Object.seal(proxy(sealed));
    expect(Object.isSealed(sealed)).toBe(true);

    const closed = { a: 1 };
    const q = proxy(closed);
    Object.preventExtensions(q);
    expect(Object.isExtensible(closed)).toBe(false);
    expect(() => Object.defineProperty(q, 'b', { value: 1 })).toThrow(TypeError);
  });

  it('follows changes made to the target behind its back', () => {
    const target: Record<string, number> = { a: 1, b: 2 };
    const p = proxy(target);
    Object.preventExtensions(target);
    expect(Object.isExtensible(p)).toBe(false);
    delete target.a;
    expect('a' in p).toBe(false);
    expect(Object.keys(p)).toEqual(['b']);
    Object.freeze(target);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(p, 'b')?.writable).toBe(false);
    expect(() => exercise(p)).not.toThrow();
  });

  it('keeps the semantics of writing to a frozen target: a TypeError in strict code', () => {
    const p = proxy(Object.freeze({ a: 1 })) as { a: number };
    expect(() => {
      p.a = 2;
    }).toThrow(TypeError);
    expect(Reflect.set(p, 'a', 2)).toBe(false);
    expect(Reflect.deleteProperty(p, 'a')).toBe(false);
  });

  it('defines non-configurable properties through the proxy', () => {
    const target = {};
    const p = proxy(target);
    Object.defineProperty(p, 'x', { value: 1, writable: true, configurable: false });
    Object.defineProperty(p, 'x', { value: 2, writable: false });
    expect(Object.getOwnPropertyDescriptor(p, 'x')).toEqual({
      value: 2,
      writable: false,
      enumerable: false,
      configurable: false,
    });
    expect(p).toHaveProperty('x', 2);
  });
});
