import { describe, expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };
const fn = () => {};
const sym = Symbol('member');

describe('constructor', () => {
  it('starts empty, also from null or undefined', () => {
    expect(new IterableWeakSet().size).toBe(0);
    expect(new IterableWeakSet(null).size).toBe(0);
    expect(new IterableWeakSet(undefined).size).toBe(0);
  });

  it('takes an iterable, keeping first-insertion order and dropping duplicates', () => {
    const set = new IterableWeakSet<object>([b, a, b, c]);
    expect([...set]).toEqual([b, a, c]);
    expect(set.size).toBe(3);
  });

  it('accepts objects, functions and unique symbols', () => {
    const set = new IterableWeakSet<object | symbol>([a, fn, sym]);
    expect([...set]).toEqual([a, fn, sym]);
  });

  it('rejects a non-weakable member with a TypeError naming its type', () => {
    expect(() => new IterableWeakSet([a, 1 as never])).toThrow(
      new TypeError("cannot create weak reference to 'number' value"),
    );
    expect(() => new IterableWeakSet([Symbol.for('x') as never])).toThrow(/'registered symbol'/);
  });

  it('rejects a non-iterable argument', () => {
    expect(() => new IterableWeakSet(5 as never)).toThrow(
      new TypeError("IterableWeakSet: expected an iterable, not 'number'"),
    );
  });
});

describe('add / has / delete / size', () => {
  it('adds once and returns the set', () => {
    const set = new IterableWeakSet<object>();
    expect(set.add(a)).toBe(set);
    set.add(a);
    expect(set.size).toBe(1);
    expect(set.has(a)).toBe(true);
    expect(set.has(b)).toBe(false);
  });

  it('re-adding a member keeps its place', () => {
    const set = new IterableWeakSet<object>([a, b]);
    set.add(a);
    expect([...set]).toEqual([a, b]);
  });

  it('deletes and reports whether the value was a member', () => {
    const set = new IterableWeakSet<object>([a, b]);
    expect(set.delete(a)).toBe(true);
    expect(set.delete(a)).toBe(false);
    expect(set.has(a)).toBe(false);
    expect([...set]).toEqual([b]);
    expect(set.size).toBe(1);
  });

  it('a deleted and re-added member goes to the end', () => {
    const set = new IterableWeakSet<object>([a, b]);
    set.delete(a);
    set.add(a);
    expect([...set]).toEqual([b, a]);
  });

  it('add throws TypeError for a non-weakable value and changes nothing', () => {
    const set = new IterableWeakSet<object>([a]);
    for (const bad of [1, 'x', true, 1n, undefined, null, Symbol.for('r')]) {
      expect(() => set.add(bad as never)).toThrow(TypeError);
    }
    expect(() => set.add(null as never)).toThrow("cannot create weak reference to 'null' value");
    expect([...set]).toEqual([a]);
    expect(set.size).toBe(1);
  });

  it('has and delete answer false for non-weakable values', () => {
    const set = new IterableWeakSet<object>([a]);
    for (const bad of [1, 'x', undefined, null, Symbol.for('r')]) {
      expect(set.has(bad as never)).toBe(false);
      expect(set.delete(bad as never)).toBe(false);
    }
    expect(set.size).toBe(1);
  });
});

describe('clear', () => {
  it('removes every member', () => {
    const set = new IterableWeakSet<object>([a, b, c]);
    set.clear();
    expect(set.size).toBe(0);
    expect(set.has(a)).toBe(false);
    expect([...set]).toEqual([]);
    set.add(b);
    expect([...set]).toEqual([b]);
  });
});

describe('iteration', () => {
  it('values, keys and the iterator yield members in insertion order', () => {
    const set = new IterableWeakSet<object>([a, b, c]);
    expect([...set.values()]).toEqual([a, b, c]);
    expect([...set.keys()]).toEqual([a, b, c]);
    expect([...set]).toEqual([a, b, c]);
    const iterator = set.values();
    expect(iterator[Symbol.iterator]()).toBe(iterator);
  });

  it('entries yields [member, member]', () => {
    expect([...new IterableWeakSet<object>([a, b]).entries()]).toEqual([
      [a, a],
      [b, b],
    ]);
  });

  it('forEach passes (member, member, set) and thisArg', () => {
    const set = new IterableWeakSet<object>([a, b]);
    const calls: unknown[][] = [];
    const thisArg = {};
    set.forEach(function (this: unknown, ...args) {
      calls.push([this, ...args]);
    }, thisArg);
    expect(calls).toEqual([
      [thisArg, a, a, set],
      [thisArg, b, b, set],
    ]);
    expect(() => set.forEach(3 as never)).toThrow(
      new TypeError("IterableWeakSet.forEach(): callback must be a function, not 'number'"),
    );
  });

  it('is tagged IterableWeakSet', () => {
    expect(Object.prototype.toString.call(new IterableWeakSet())).toBe('[object IterableWeakSet]');
  });

  it('behaves like Set when mutated during iteration', () => {
    const members = [a, b, c];
    const set = new IterableWeakSet<object>(members);
    const native = new Set<object>(members);
    const d = { name: 'd' };
    const visit = (s: Set<object>) => {
      const seen: object[] = [];
      for (const value of s) {
        seen.push(value);
        if (value === a && seen.length === 1) {
          s.delete(b); // not visited
          s.add(d); // visited
          s.delete(a);
          s.add(a); // moved to the end: visited again
        }
      }
      return seen;
    };
    expect(visit(set)).toEqual(visit(native));
    expect([...set]).toEqual([...native]);
  });

  it('clear during iteration ends it', () => {
    const set = new IterableWeakSet<object>([a, b, c]);
    const seen: object[] = [];
    for (const value of set) {
      seen.push(value);
      set.clear();
    }
    expect(seen).toEqual([a]);
  });
});

describe('pop', () => {
  it('removes and returns the oldest member', () => {
    const set = new IterableWeakSet<object>([a, b, c]);
    expect(set.pop()).toBe(a);
    expect(set.pop()).toBe(b);
    expect([...set]).toEqual([c]);
    expect(set.has(a)).toBe(false);
    expect(set.size).toBe(1);
  });

  it('throws RangeError when empty', () => {
    const set = new IterableWeakSet<object>([a]);
    set.pop();
    expect(() => set.pop()).toThrow(new RangeError('IterableWeakSet.pop(): the set is empty'));
  });

  it('a popped member can be added again', () => {
    const set = new IterableWeakSet<object>([a, b]);
    set.add(set.pop());
    expect([...set]).toEqual([b, a]);
  });
});

describe('update', () => {
  it('adds every member of an iterable and returns the set', () => {
    const set = new IterableWeakSet<object>([a]);
    expect(set.update([b, a, c])).toBe(set);
    expect([...set]).toEqual([a, b, c]);
  });

  it('accepts itself', () => {
    const set = new IterableWeakSet<object>([a, b]);
    set.update(set);
    expect([...set]).toEqual([a, b]);
  });

  it('adds nothing when one value cannot be held weakly', () => {
    const set = new IterableWeakSet<object>([a]);
    expect(() => set.update([b, 'x' as never, c])).toThrow(
      new TypeError("cannot create weak reference to 'string' value"),
    );
    expect([...set]).toEqual([a]);
    expect(set.size).toBe(1);
  });

  it('rejects a non-iterable', () => {
    expect(() => new IterableWeakSet().update(undefined as never)).toThrow(/not 'undefined'/);
  });
});

describe('copy', () => {
  it('is an independent IterableWeakSet with the same members in order', () => {
    const set = new IterableWeakSet<object>([a, b]);
    const copy = set.copy();
    expect(copy).toBeInstanceOf(IterableWeakSet);
    expect(copy).not.toBe(set);
    expect([...copy]).toEqual([a, b]);
    copy.add(c);
    set.delete(a);
    expect([...set]).toEqual([b]);
    expect([...copy]).toEqual([a, b, c]);
  });
});
