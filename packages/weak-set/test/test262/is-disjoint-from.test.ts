import { asWeakKeys, compareArray } from '@w/test-support/test262';
import { expect } from 'vitest';
import { portIteratorClosing } from './set-like-iter-return';
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

const [a, b, c] = asWeakKeys(['a', 'b', 'c']);

describeSetMethod('isDisjointFrom', (suite) => {
  const { port, S, call } = suite;
  portCases(suite, {
    'compares-sets.js': [
      [[1, 2], [2, 3], false],
      [[1, 2], [3], true],
    ],
    'compares-same-sets.js': [[[1, 2], [1, 2], false]],
    'compares-empty-sets.js': [
      [[], [1, 2], true],
      [[1, 2], [], true],
      [[], [], true],
    ],
  });
  portItself(suite, 'compares-itself.js', false);
  portMapArgument(suite, 'compares-Map.js', false);
  portSubclassing(suite, false);

  // this.size <= other.size: only has() is called, and only with this set's members.
  port('allows-set-like-class.js', () => {
    expectCall(suite, [1, 2], setLikeInstance({ size: 2, hasFalse: [1, 2] }), true);
  });
  port('allows-set-like-object.js', () => {
    expectCall(suite, [1, 2], setLikeObject({ size: 2, hasFalse: [1, 2] }), true);
  });
  port('set-like-array.js', () => {
    expectCall(suite, [1, 2], setLikeArray([5, 6], { size: 3, hasTrue: [1, 2] }), false);
  });
  port('set-like-class-mutation.js', () => {
    const base = new S([a, b, c]);
    const argument = {
      size: 3,
      has(value: unknown) {
        if (value === a) {
          base.delete(b);
          base.delete(c);
          base.add(b);
          return false;
        }
        if (value === b) return false;
        // c was deleted before the walk reached it: it must not be asked about.
        throw new Error(`has was called with ${String(value)}`);
      },
      keys: setLikeObject({ size: 3 }).keys,
    };
    expect(call(base, argument)).toBe(true);
    compareArray([...base], [a, b]);
  });
  port('set-like-class-order.js', () => {
    const log: string[] = [];
    const argument = () => observableSetLike(log, 3, ['a', 'b', 'c']);
    const record = order.record;
    expectOrder(suite, ['x', 'b'], argument(), log, false, [...record, ...order.has(2)]);
    expectOrder(suite, ['x', 'b', 'y'], argument(), log, false, [...record, ...order.has(2)]);
    expectOrder(suite, ['x', 'y', 'z'], argument(), log, true, [...record, ...order.has(3)]);
    expectOrder(suite, ['x', 'b', 'y', 'z'], argument(), log, false, [
      ...record,
      ...order.keys(2, { done: false }),
    ]);
    expectOrder(suite, ['x', 'y', 'z', 'w'], argument(), log, true, [...record, ...order.keys(3)]);
  });
  portIteratorClosing(suite, [
    [[4, 5, 6, 7], false, 1, 1],
    [[0, 1, 2, 3], true, 4, 0],
  ]);
});
