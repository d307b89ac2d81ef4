import { asWeakKeys, compareArray } from '@w/test-support/test262';
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

const [a, b, c, d, e, q, x, y] = asWeakKeys(['a', 'b', 'c', 'd', 'e', 'q', 'x', 'y']);

describeSetMethod('union', (suite) => {
  const { port, S, call } = suite;
  portCases(suite, {
    'combines-sets.js': [
      [
        [1, 2],
        [2, 3],
        [1, 2, 3],
      ],
    ],
    'combines-same-sets.js': [
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
    ],
    'combines-empty-sets.js': [
      [[], [1, 2], [1, 2]],
      [[1, 2], [], [1, 2]],
      [[], [], []],
    ],
    'appends-new-values.js': [
      [
        [1, 2],
        [-1, 0, 3],
        [1, 2, -1, 0, 3],
      ],
      [
        [1, 2, -3],
        [-1, 0],
        [1, 2, -3, -1, 0],
      ],
    ],
    'result-order.js': [
      [
        [1, 2],
        [2, 3],
        [1, 2, 3],
      ],
      [
        [2, 3],
        [1, 2],
        [2, 3, 1],
      ],
      [[1, 2], [3], [1, 2, 3]],
      [[3], [1, 2], [3, 1, 2]],
    ],
  });
  portItself(suite, 'combines-itself.js', [1, 2]);
  portMapArgument(suite, 'combines-Map.js', [1, 2, 3]);
  portSubclassing(suite, [1, 2, 3]);

  // union never calls the argument's has: these arguments throw if it does.
  port('allows-set-like-class.js', () => {
    expectCall(suite, [1, 2], setLikeInstance({ size: 2, keys: [2, 3] }), [1, 2, 3]);
  });
  port('allows-set-like-object.js', () => {
    expectCall(suite, [1, 2], setLikeObject({ size: 2, keys: [2, 3] }), [1, 2, 3]);
  });
  port('set-like-array.js', () => {
    expectCall(suite, [1, 2], setLikeArray([5, 6], { size: 3, keys: [2, 3, 4] }), [1, 2, 3, 4]);
  });
  port('set-like-class-mutation.js', () => {
    const base = new S([a, b, c, d, e]);
    const keys = [x, y];
    let index = 0;
    const argument = {
      size: 2,
      get has() {
        base.add(q);
        return setLikeObject({ size: 2 }).has;
      },
      keys: () => ({
        next() {
          base.delete(b);
          base.delete(c);
          base.add(b);
          base.add(d);
          return { done: index >= keys.length, value: keys[index++] };
        },
      }),
    };
    compareArray([...call(base, argument)], [a, b, c, d, e, q, x, y]);
    compareArray([...base], [a, d, e, q, b]);
  });
  port('set-like-class-order.js', () => {
    const log: string[] = [];
    const argument = () => observableSetLike(log, 2, ['a', 'b', 'c'], { hasThrows: true });
    // Smaller than, as large as, larger than the argument: union always walks all its keys.
    const walk = [...order.record, ...order.keys(3)];
    expectOrder(suite, ['a', 'd'], argument(), log, ['a', 'd', 'b', 'c'], walk);
    expectOrder(suite, ['a', 'b', 'd'], argument(), log, ['a', 'b', 'd', 'c'], walk);
    expectOrder(suite, ['a', 'b', 'd', 'e'], argument(), log, ['a', 'b', 'd', 'e', 'c'], walk);
  });
});
