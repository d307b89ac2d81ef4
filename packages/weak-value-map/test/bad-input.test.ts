import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

const a = { name: 'a' };

// Values that cannot be held weakly, with the type the message must name.
const badValues: [unknown, string][] = [
  [1, 'number'],
  ['s', 'string'],
  [true, 'boolean'],
  [undefined, 'undefined'],
  [null, 'null'],
  [10n, 'bigint'],
  [Symbol.for('registered'), 'registered symbol'],
];

function snapshot(m: WeakValueMap<unknown, object>) {
  return { entries: [...m], size: m.size };
}

describe('WeakValueMap: bad input throws TypeError and changes nothing', () => {
  it.each(badValues)('set(key, %s)', (value, type) => {
    const m = new WeakValueMap<unknown, object>([['k', a]]);
    const before = snapshot(m);
    expect(() => m.set('k', value as object)).toThrow(
      new TypeError(`cannot create weak reference to '${type}' value`),
    );
    expect(() => m.set('new', value as object)).toThrow(TypeError);
    expect(snapshot(m)).toEqual(before);
  });

  it.each(badValues)('getOrInsert(key, %s), also when the key exists', (value, type) => {
    const m = new WeakValueMap<unknown, object>([['k', a]]);
    const before = snapshot(m);
    expect(() => m.getOrInsert('new', value as object)).toThrow(`'${type}'`);
    expect(() => m.getOrInsert('k', value as object)).toThrow(TypeError);
    expect(snapshot(m)).toEqual(before);
  });

  it('getOrInsertComputed: a non-function callback, or a callback returning a primitive', () => {
    const m = new WeakValueMap<unknown, object>([['k', a]]);
    const before = snapshot(m);
    expect(() => m.getOrInsertComputed('new', 5 as never)).toThrow(
      new TypeError("callback must be a function, not 'number'"),
    );
    expect(() => m.getOrInsertComputed('new', () => 5 as never)).toThrow(
      "cannot create weak reference to 'number' value",
    );
    expect(snapshot(m)).toEqual(before);
  });

  it('constructor rejects a bad value anywhere in the pairs', () => {
    expect(
      () =>
        new WeakValueMap<string, object>([
          ['a', a],
          ['b', 5 as never],
        ]),
    ).toThrow("cannot create weak reference to 'number' value");
    expect(() => new WeakValueMap([5 as never])).toThrow(
      "expected a [key, value] pair, not 'number'",
    );
    expect(() => new WeakValueMap('ab' as never)).toThrow(
      "expected pairs or a plain record, not 'string'",
    );
  });

  // A record is an object whose prototype is Object.prototype or null; any other object
  // that is not iterable used to be read as a record with no keys: an empty map.
  it.each([
    ['a WeakMap', () => new WeakMap(), 'WeakMap'],
    ['a promise', () => Promise.resolve([['k', a]]), 'Promise'],
    ['a class instance', () => new (class Settings {})(), 'Settings'],
    ['a Date', () => new Date(0), 'Date'],
  ])('the constructor, update and union refuse %s, naming it', (_, make, name) => {
    const message = `expected pairs or a plain record, not '${name}'`;
    expect(() => new WeakValueMap(make() as never)).toThrow(new TypeError(message));
    const m = new WeakValueMap<unknown, object>([['k', a]]);
    const before = snapshot(m);
    expect(() => m.update(make() as never)).toThrow(new TypeError(message));
    expect(() => m.union(make() as never)).toThrow(new TypeError(message));
    expect(snapshot(m)).toEqual(before);
  });

  it('takes records with a null prototype', () => {
    const record = Object.assign(Object.create(null) as Record<string, object>, { k: a });
    expect([...new WeakValueMap(record)]).toEqual([['k', a]]);
  });

  it("pop()'s error quotes at most 60 characters of a missing key", () => {
    const m = new WeakValueMap<unknown, object>();
    const huge = 'x'.repeat(3e8);
    expect(() => m.pop(huge)).toThrow(
      new RangeError(`WeakValueMap.pop(): key not found: "${'x'.repeat(60)}"…`),
    );
    const long = { toString: () => 'y'.repeat(1000) };
    expect(() => m.pop(long)).toThrow(
      new RangeError(`WeakValueMap.pop(): key not found: ${'y'.repeat(60)}…`),
    );
    expect(() => m.pop('short')).toThrow(
      new RangeError('WeakValueMap.pop(): key not found: "short"'),
    );
  });

  it('update stores nothing when any value is bad, even the good ones before it', () => {
    const m = new WeakValueMap<unknown, object>([['k', a]]);
    const before = snapshot(m);
    expect(() =>
      m.update([
        ['k', {}],
        ['x', {}],
        ['y', 'nope' as never],
      ]),
    ).toThrow("'string'");
    expect(() => m.update({ x: {}, y: null as never })).toThrow("'null'");
    expect(snapshot(m)).toEqual(before);
  });

  it('union leaves both inputs alone when the other side is bad', () => {
    const m = new WeakValueMap<unknown, object>([['k', a]]);
    const before = snapshot(m);
    expect(() => m.union([['x', 1 as never]])).toThrow(TypeError);
    expect(snapshot(m)).toEqual(before);
  });

  it('forEach rejects a non-function callback', () => {
    expect(() => new WeakValueMap().forEach(undefined as never)).toThrow(
      "callback must be a function, not 'undefined'",
    );
  });

  it('get/has/delete/pop take any key without complaint', () => {
    const m = new WeakValueMap<unknown, object>();
    for (const key of [null, undefined, Number.NaN, Symbol.for('x'), {}, () => 0, 1n]) {
      expect(m.get(key)).toBeUndefined();
      expect(m.has(key)).toBe(false);
      expect(m.delete(key)).toBe(false);
      expect(m.pop(key, 'dflt')).toBe('dflt');
    }
  });
});
