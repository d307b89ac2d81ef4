import { asWeakKeys, compareArray } from '@w/test-support/test262';
import { expect } from 'vitest';
import {
  describeSetMethod,
  expectCall,
  expectOrder,
  observableSetLike,
  order,
  portCases,
  portItself,
  portMapArgument,
  portSubclassing,
  setLikeArray,
  setLikeInstance,
  setLikeObject,
} from './set-method';

const [a, b, c, x] = asWeakKeys(['a', 'b', 'c', 'x']);

describeSetMethod('isSubsetOf', (suite) => {
  const { port, S, call } = suite;
  portCases(suite, {
    'compares-sets.js': [
      [[1, 2], [2, 3], false],
      [[1, 2], [1, 2, 3], true],
    ],
    'compares-same-sets.js': [[[1, 2], [1, 2], true]],
    'compares-empty-sets.js': [
      [[], [1, 2], true],
      [[1, 2], [], false],
      [[], [], true],
    ],
  });
  portItself(suite, 'compares-itself.js', true);
  portMapArgument(suite, 'compares-Map.js', false);
  portSubclassing(suite, false);

  // Only has() is called, and only with this set's members; it stops at the first miss.
  port('allows-set-like-class.js', () => {
    expectCall(suite, [1, 2], setLikeInstance({ size: 3, hasTrue: [2], hasFalse: [1] }), false);
  });
  port('allows-set-like-object.js', () => {
    expectCall(suite, [1, 2], setLikeObject({ size: 2, hasTrue: [2], hasFalse: [1] }), false);
  });
  port('set-like-array.js', () => {
    expectCall(suite, [1, 2], setLikeArray([5, 6], { size: 3, hasTrue: [1, 2] }), true);
  });
  port('set-like-class-mutation.js', () => {
    const base = new S([a, b, c]);
    const argument = {
      size: 3,
      has(value: unknown) {
        if (value === a) base.delete(c);
        return [x, a, b].includes(value as WeakKey);
      },
      keys: setLikeObject({ size: 3 }).keys,
    };
    expect(call(base, argument)).toBe(true);
    compareArray([...base], [a, b]);
  });
  port('set-like-class-order.js', () => {
    const log: string[] = [];
    const argument = () => observableSetLike(log, 3, ['a', 'b', 'c'], { keysThrows: true });
    const record = order.record;
    expectOrder(suite, ['d', 'a'], argument(), log, false, [...record, ...order.has(1)]);
    expectOrder(suite, ['a', 'b'], argument(), log, true, [...record, ...order.has(2)]);
    expectOrder(suite, ['a', 'b', 'c'], argument(), log, true, [...record, ...order.has(3)]);
    expectOrder(suite, ['a', 'b', 'c', 'd'], argument(), log, false, record);
  });
});
