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

describeSetMethod('isSupersetOf', (suite) => {
  const { port, S, call } = suite;
  portCases(suite, {
    'compares-sets.js': [
      [[1, 2], [2, 3], false],
      [[1, 2], [1], true],
    ],
    'compares-same-sets.js': [[[1, 2], [1, 2], true]],
    'compares-empty-sets.js': [
      [[], [1, 2], false],
      [[1, 2], [], true],
      [[], [], true],
    ],
  });
  portItself(suite, 'compares-itself.js', true);
  portMapArgument(suite, 'compares-Map.js', false);
  portSubclassing(suite, false);

  // isSupersetOf never calls the argument's has: these arguments throw if it does.
  port('allows-set-like-class.js', () => {
    expectCall(suite, [1, 2], setLikeInstance({ size: 1, keys: [1] }), true);
  });
  port('allows-set-like-object.js', () => {
    expectCall(suite, [1, 2], setLikeObject({ size: 1, keys: [1] }), true);
  });
  port('set-like-array.js', () => {
    // A larger argument cannot be a subset: neither has nor keys is called.
    expectCall(suite, [1, 2], setLikeArray([1], { size: 3 }), false);
  });
  port('set-like-class-mutation.js', () => {
    const base = new S([a, b, c]);
    const argument = {
      size: 3,
      has: setLikeObject({ size: 3 }).has,
      *keys() {
        yield a;
        base.delete(b);
        base.delete(c);
        base.add(b);
        yield b;
      },
    };
    expect(call(base, argument)).toBe(true);
    compareArray([...base], [a, b]);
  });
  port('set-like-class-order.js', () => {
    const log: string[] = [];
    const argument = () => observableSetLike(log, 3, ['a', 'b', 'c'], { hasThrows: true });
    const record = order.record;
    expectOrder(suite, ['a', 'b'], argument(), log, false, record);
    expectOrder(suite, ['a', 'x', 'c'], argument(), log, false, [
      ...record,
      ...order.keys(2, { done: false }),
    ]);
    expectOrder(suite, ['a', 'b', 'c'], argument(), log, true, [...record, ...order.keys(3)]);
    expectOrder(suite, ['a', 'b', 'c', 'd'], argument(), log, true, [...record, ...order.keys(3)]);
  });
  portIteratorClosing(suite, [
    // [receiver, answer, next() calls, return() calls]
    [[4, 5, 6, 7], true, 4, 0],
    [[0, 1, 2, 3], false, 1, 1],
  ]);
});
