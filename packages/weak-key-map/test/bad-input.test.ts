import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

const a = { name: 'a' };
const bad: [unknown, string][] = [
  [1, 'number'],
  ['s', 'string'],
  [null, 'null'],
  [undefined, 'undefined'],
  [true, 'boolean'],
  [10n, 'bigint'],
  [Symbol.for('registered'), 'registered symbol'],
];

// A map with one entry, typed loosely so tests can pass what TypeScript would reject.
function oneEntryMap(): WeakKeyMap<any, number> {
  return new WeakKeyMap<any, number>([[a, 1]]);
}

function expectUnchanged(map: WeakKeyMap<any, number>): void {
  expect([...map]).toEqual([[a, 1]]);
  expect(map.size).toBe(1);
}

describe.each(bad)('a %s key (%s)', (key, type) => {
  const message = `cannot create weak reference to '${type}' value`;

  it('set throws a TypeError naming the type and changes nothing', () => {
    const map = oneEntryMap();
    expect(() => map.set(key, 2)).toThrow(TypeError);
    expect(() => map.set(key, 2)).toThrow(message);
    expectUnchanged(map);
  });

  it('getOrInsert and getOrInsertComputed throw and change nothing', () => {
    const map = oneEntryMap();
    let called = false;
    expect(() => map.getOrInsert(key, 2)).toThrow(message);
    expect(() =>
      map.getOrInsertComputed(key, () => {
        called = true;
        return 2;
      }),
    ).toThrow(message);
    expect(called).toBe(false);
    expectUnchanged(map);
  });

  it('the constructor and update throw before adding any pair', () => {
    expect(
      () =>
        new WeakKeyMap<any, number>([
          [{}, 1],
          [key, 2],
        ]),
    ).toThrow(message);
    const map = oneEntryMap();
    expect(() =>
      map.update([
        [{}, 1],
        [key, 2],
      ]),
    ).toThrow(message);
    expectUnchanged(map);
  });

  it('union throws and changes neither map', () => {
    const map = oneEntryMap();
    expect(() => map.union([[key, 2]] as any)).toThrow(message);
    expectUnchanged(map);
  });

  it('get, has and delete simply miss, as WeakMap does', () => {
    const map = oneEntryMap();
    expect(map.get(key)).toBeUndefined();
    expect(map.has(key)).toBe(false);
    expect(map.delete(key)).toBe(false);
    expect(map.pop(key, 'default')).toBe('default');
    expect(() => map.pop(key)).toThrow(RangeError);
    expectUnchanged(map);
  });
});

describe('other bad input', () => {
  it('getOrInsertComputed with a non-function callback throws a TypeError and changes nothing', () => {
    const map = oneEntryMap();
    expect(() => map.getOrInsertComputed({}, 5 as any)).toThrow(
      "callback must be a function, not 'number'",
    );
    expectUnchanged(map);
  });

  it('forEach with a non-function throws a TypeError', () => {
    expect(() => oneEntryMap().forEach(null as any)).toThrow(TypeError);
  });

  it('the constructor and update reject a non-iterable or a non-pair entry', () => {
    expect(() => new WeakKeyMap(5 as any)).toThrow("entries must be iterable, not 'number'");
    const map = oneEntryMap();
    expect(() => map.update([[{}, 1], 7] as any)).toThrow(
      "each entry must be a [key, value] pair, not 'number'",
    );
    expect(() => map.update({} as any)).toThrow(TypeError);
    expectUnchanged(map);
  });
});
