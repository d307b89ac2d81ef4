import { describe, expect, it } from 'vitest';
import { assertFunction, assertWeakable, canBeHeldWeakly, describeType } from '../src/weakable';

describe('canBeHeldWeakly', () => {
  it.each([
    ['an object', {}],
    ['an array', []],
    ['a function', () => {}],
    ['a unique symbol', Symbol('s')],
    ['a well-known symbol', Symbol.iterator],
  ])('accepts %s', (_, value) => {
    expect(canBeHeldWeakly(value)).toBe(true);
  });

  it.each([
    ['number', 1],
    ['string', 's'],
    ['boolean', true],
    ['bigint', 1n],
    ['undefined', undefined],
    ['null', null],
    ['registered symbol', Symbol.for('registered')],
  ])('rejects %s', (_, value) => {
    expect(canBeHeldWeakly(value)).toBe(false);
  });
});

describe('assertWeakable', () => {
  it.each([
    [1, 'number'],
    ['s', 'string'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Symbol.for('x'), 'registered symbol'],
  ])('names what it got: %s', (value, name) => {
    expect(() => assertWeakable(value)).toThrow(
      new TypeError(`cannot create weak reference to '${name}' value`),
    );
  });

  it('passes weakable values', () => {
    expect(() => assertWeakable({})).not.toThrow();
  });
});

describe('assertFunction / describeType', () => {
  it('names the type of a non-function', () => {
    expect(() => assertFunction(3, 'callback')).toThrow(
      new TypeError(`callback must be a function, not 'number'`),
    );
    expect(() => assertFunction(() => {}, 'callback')).not.toThrow();
  });

  it('describes values by type', () => {
    expect(describeType(null)).toBe('null');
    expect(describeType(Symbol())).toBe('symbol');
    expect(describeType(Symbol.for('a'))).toBe('registered symbol');
  });
});
