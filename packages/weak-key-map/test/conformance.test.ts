import { inspectCustom } from '@w/core/internal';
import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };

const proto = WeakKeyMap.prototype as unknown as Record<
  string | symbol,
  (...args: unknown[]) => unknown
>;
// Every method of the prototype, with arguments that would be valid.
const METHODS: [string | symbol, unknown[]][] = [
  ['get', [a]],
  ['has', [a]],
  ['set', [a, 1]],
  ['delete', [a]],
  ['clear', []],
  ['getOrInsert', [a, 1]],
  ['getOrInsertComputed', [a, () => 1]],
  ['pop', [a, 0]],
  ['popItem', []],
  ['update', [[[a, 1]]]],
  ['copy', []],
  ['union', [[[a, 1]]]],
  ['keyRefs', []],
  ['keys', []],
  ['values', []],
  ['entries', []],
  [Symbol.iterator, []],
  [inspectCustom, [2, {}, String]],
  ['forEach', [() => {}]],
];
const RECEIVERS: [string, unknown, string][] = [
  ['a plain object', {}, 'object'],
  ['a Map', new Map([[a, 1]]), 'object'],
  ['a WeakMap', new WeakMap([[a, 1]]), 'object'],
  ['undefined', undefined, 'undefined'],
  ['null', null, 'null'],
  ['a number', 1, 'number'],
  ['a string', '', 'string'],
  ['an object inheriting from WeakKeyMap.prototype', Object.create(proto), 'object'],
];

describe('a method called on something that is not a WeakKeyMap', () => {
  it('covers every method of the prototype', () => {
    const names = Reflect.ownKeys(proto).filter(
      (name) => name !== 'constructor' && name !== 'size' && name !== Symbol.toStringTag,
    );
    expect(new Set(names)).toEqual(new Set(METHODS.map(([name]) => name)));
  });

  describe.each(METHODS)('%s', (name, args) => {
    it.each(RECEIVERS)('throws a TypeError for %s', (_, receiver, type) => {
      // [Symbol.iterator] is entries itself, as on Map, so the error names entries.
      const method =
        name === Symbol.iterator
          ? '.entries'
          : name === inspectCustom
            ? '[inspect.custom]'
            : `.${String(name)}`;
      expect(() => proto[name]!.apply(receiver, args)).toThrow(
        new TypeError(
          `Method WeakKeyMap.prototype${method} called on incompatible receiver '${type}'`,
        ),
      );
    });
  });

  it.each(RECEIVERS)('size throws a TypeError for %s', (_, receiver, type) => {
    const size = Object.getOwnPropertyDescriptor(proto, 'size')!.get!;
    expect(() => size.call(receiver)).toThrow(
      `Method WeakKeyMap.prototype.size called on incompatible receiver '${type}'`,
    );
  });

  it('is refused before any argument is read or called', () => {
    let touched = false;
    const touch = () => {
      touched = true;
      return 1;
    };
    const pairs = {
      [Symbol.iterator]() {
        touched = true;
        return [][Symbol.iterator]();
      },
    };
    for (const call of [
      () => proto.getOrInsertComputed!.call({}, a, touch),
      () => proto.forEach!.call({}, touch),
      () => proto.update!.call({}, pairs),
      () => proto.union!.call({}, pairs),
      () => proto.update!.call(undefined), // was a silent no-op
      () => proto.copy!.call({}), // was a new map
    ]) {
      expect(call).toThrow(TypeError);
    }
    expect(touched).toBe(false);
  });

  it('[Symbol.iterator] is entries itself, as on Map.prototype', () => {
    expect(proto[Symbol.iterator]).toBe(proto.entries);
    expect(Object.getOwnPropertyDescriptor(proto, Symbol.iterator)).toMatchObject({
      writable: true,
      enumerable: false,
      configurable: true,
    });
  });

  it('toStringTag is a data property, as on Map.prototype', () => {
    expect(Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag)).toEqual({
      value: 'WeakKeyMap',
      writable: false,
      enumerable: false,
      configurable: true,
    });
    expect(Object.prototype.toString.call(proto)).toBe('[object WeakKeyMap]');
  });
});

describe('a subclass, as with native Map', () => {
  class Liar<K extends object, V> extends WeakKeyMap<K, V> {
    override entries(): MapIterator<[K, V]> {
      return new Map<K, V>().entries();
    }
    override [Symbol.iterator](): MapIterator<[K, V]> {
      return this.entries();
    }
    override keys(): MapIterator<K> {
      return new Map<K, V>().keys();
    }
  }

  it('copy() and union() read its entries, and return a WeakKeyMap', () => {
    const map = new Liar([[a, 1]]);
    const copy = map.copy();
    const union = map.union([[b, 2]]);
    expect([...WeakKeyMap.prototype.entries.call(copy)]).toEqual([[a, 1]]);
    expect([...WeakKeyMap.prototype.entries.call(union)]).toEqual([
      [a, 1],
      [b, 2],
    ]);
    expect(Object.getPrototypeOf(copy)).toBe(WeakKeyMap.prototype);
    expect(Object.getPrototypeOf(union)).toBe(WeakKeyMap.prototype);
    expect(map.keyRefs().map((r) => r.deref())).toEqual([a]);
  });
});

describe("update(), as Python's", () => {
  it.each([
    ['no argument', []],
    ['undefined', [undefined]],
    ['null', [null]],
  ])('with %s sets nothing and returns the map', (_, args) => {
    const map = new WeakKeyMap([[a, 1]]);
    expect((map.update as (...args: unknown[]) => unknown)(...args)).toBe(map);
    expect([...map]).toEqual([[a, 1]]);
  });
});
