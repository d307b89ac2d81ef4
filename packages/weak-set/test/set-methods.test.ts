import { describe, expect, it } from 'vitest';
import { IterableWeakSet, type SetLike } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };
const d = { name: 'd' };
const e = { name: 'e' };

/** A set-like that is not a Set: an array with `size`, `has`, `keys`, and a log of calls. */
class ListSet<T> implements SetLike<T> {
  readonly calls: string[] = [];
  closed = 0;
  constructor(readonly items: T[]) {}
  get size() {
    return this.items.length;
  }
  has(value: T) {
    this.calls.push('has');
    return this.items.includes(value);
  }
  keys(): Iterator<T> {
    this.calls.push('keys');
    let index = 0;
    return {
      next: () =>
        index < this.items.length
          ? { value: this.items[index++]!, done: false }
          : { value: undefined, done: true },
      return: () => {
        this.closed++;
        return { value: undefined, done: true };
      },
    };
  }
}

// What Set.prototype.<method> returns on ES2025 runtimes, written out for arrays (Node 20 lacks them).
const expected = {
  union: (mine: object[], other: object[]) => [...mine, ...other.filter((x) => !mine.includes(x))],
  intersection: (mine: object[], other: object[]) =>
    mine.length <= other.length
      ? mine.filter((x) => other.includes(x))
      : other.filter((x) => mine.includes(x)),
  difference: (mine: object[], other: object[]) => mine.filter((x) => !other.includes(x)),
  symmetricDifference: (mine: object[], other: object[]) => [
    ...mine.filter((x) => !other.includes(x)),
    ...other.filter((x) => !mine.includes(x)),
  ],
  isSubsetOf: (mine: object[], other: object[]) => mine.every((x) => other.includes(x)),
  isSupersetOf: (mine: object[], other: object[]) => other.every((x) => mine.includes(x)),
  isDisjointFrom: (mine: object[], other: object[]) => !mine.some((x) => other.includes(x)),
};
type Method = keyof typeof expected;
const methods = Object.keys(expected) as Method[];

const cases: [string, object[], object[]][] = [
  ['overlapping, this smaller', [a, b], [c, b, d]],
  ['overlapping, this larger', [a, b, c, d], [d, e, b]],
  ['equal', [a, b], [b, a]],
  ['subset', [b], [a, b, c]],
  ['superset', [a, b, c], [c, a]],
  ['disjoint', [a, b], [c, d]],
  ['this empty', [], [a]],
  ['other empty', [a], []],
];

const others: [string, (items: object[]) => SetLike<object>][] = [
  ['a native Set', (items) => new Set(items)],
  ['an IterableWeakSet', (items) => new IterableWeakSet(items)],
  ['a custom set-like', (items) => new ListSet(items)],
];

describe.each(others)('against %s', (_, makeOther) => {
  describe.each(methods)('%s', (method) => {
    it.each(cases)('%s', (_, mine, theirs) => {
      const set = new IterableWeakSet<object>(mine);
      const result = (set[method] as (other: SetLike<object>) => unknown)(makeOther(theirs));
      const want = expected[method](mine, theirs);
      if (typeof want === 'boolean') {
        expect(result).toBe(want);
      } else {
        expect(result).toBeInstanceOf(IterableWeakSet);
        expect(result).not.toBe(set);
        expect([...(result as IterableWeakSet<object>)]).toEqual(want);
        expect((result as IterableWeakSet<object>).size).toBe(want.length);
      }
      expect([...set]).toEqual(mine); // this set is never changed
    });
  });
});

describe('results', () => {
  it('are independent sets', () => {
    const set = new IterableWeakSet<object>([a]);
    const union = set.union(new Set([b]));
    union.add(c);
    set.add(d);
    expect([...set]).toEqual([a, d]);
    expect([...union]).toEqual([a, b, c]);
  });
});

describe('the set-like protocol', () => {
  it('asks the smaller side, as the spec does', () => {
    const small = new ListSet([b]);
    new IterableWeakSet<object>([a, b, c]).intersection(small);
    expect(small.calls).toEqual(['keys']);
    const large = new ListSet([a, b, c, d]);
    new IterableWeakSet<object>([a, b]).intersection(large);
    expect(large.calls).toEqual(['has', 'has']);
  });

  it('reads size as a number, as native Set does', () => {
    const other = { size: '3', has: () => true, keys: () => [a][Symbol.iterator]() };
    expect(new IterableWeakSet<object>([a]).isSubsetOf(other as never)).toBe(true);
  });

  it('closes the iterator of other when it stops early', () => {
    const other = new ListSet([a, b, c]);
    expect(new IterableWeakSet<object>([a, b, c, d]).isSupersetOf(new ListSet([e]))).toBe(false);
    expect(new IterableWeakSet<object>([b, c, d, e]).isDisjointFrom(other)).toBe(false);
    expect(other.closed).toBe(1);
    const full = new ListSet([a, b]);
    expect(new IterableWeakSet<object>([a, b, c]).isSupersetOf(full)).toBe(true);
    expect(full.closed).toBe(0);
  });

  it.each([
    ['a number', 1, "the argument must be set-like (size, has, keys), not 'number'"],
    ['null', null, "not 'null'"],
    ['an array (no size)', [a], "the argument's size must be a number, not 'undefined'"],
    ['a NaN size', { size: Number.NaN, has() {}, keys() {} }, 'size must be a number, not NaN'],
    ['a bigint size', { size: 1n, has() {}, keys() {} }, "size must be a number, not 'bigint'"],
    ['no has', { size: 1, keys() {} }, "the argument's 'has' must be a function, not 'undefined'"],
    [
      'a string keys',
      { size: 1, has() {}, keys: 'k' },
      "the argument's 'keys' must be a function, not 'string'",
    ],
  ])('rejects %s with a TypeError naming it', (_, bad, message) => {
    for (const method of methods) {
      const set = new IterableWeakSet<object>([a]);
      expect(() => (set[method] as (o: unknown) => unknown)(bad)).toThrow(TypeError);
      expect(() => (set[method] as (o: unknown) => unknown)(bad)).toThrow(message);
      expect(() => (set[method] as (o: unknown) => unknown)(bad)).toThrow(
        `IterableWeakSet.${method}()`,
      );
    }
  });

  it('rejects a negative size with a RangeError, as native Set does', () => {
    const other = { size: -1, has: () => false, keys: () => [][Symbol.iterator]() };
    expect(() => new IterableWeakSet().union(other)).toThrow(RangeError);
  });

  it('rejects keys() that does not return an iterator', () => {
    const other = { size: 9, has: () => false, keys: () => 42 };
    expect(() => new IterableWeakSet().union(other as never)).toThrow(
      "keys() must return an iterator, not 'number'",
    );
  });
});

describe('members of other that cannot be held weakly', () => {
  it('make union and symmetricDifference throw a TypeError naming their type', () => {
    const set = new IterableWeakSet<object>([a]);
    const bad = new Set<unknown>([b, 7]);
    expect(() => set.union(bad)).toThrow(
      new TypeError("IterableWeakSet.union(): cannot create weak reference to 'number' value"),
    );
    expect(() => set.symmetricDifference(bad)).toThrow(/symmetricDifference\(\).*'number'/);
    expect([...set]).toEqual([a]);
  });

  it('are simply not members for the other methods', () => {
    const set = new IterableWeakSet<object>([a]);
    const mixed = new Set<unknown>([1, 'x', null, a]);
    expect([...set.intersection(mixed)]).toEqual([a]);
    expect([...set.difference(mixed)]).toEqual([]);
    expect(set.isSubsetOf(mixed)).toBe(true);
    expect(set.isSupersetOf(mixed)).toBe(false);
    expect(set.isDisjointFrom(mixed)).toBe(false);
    // other larger than this: intersection walks other's keys and asks this.has(1)
    expect([...new IterableWeakSet<object>().intersection(mixed)]).toEqual([]);
  });
});
