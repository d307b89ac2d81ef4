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

const [a, b, c, d, e, q, x] = asWeakKeys(['a', 'b', 'c', 'd', 'e', 'q', 'x']);

describeSetMethod('intersection', (suite) => {
  const { port, S, call } = suite;
  portCases(suite, {
    'combines-sets.js': [[[1, 2], [2, 3], [2]]],
    'combines-same-sets.js': [
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
    ],
    'combines-empty-sets.js': [
      [[], [1, 2], []],
      [[1, 2], [], []],
      [[], [], []],
    ],
    'result-order.js': [
      // this.size <= other.size: in this set's order
      [
        [1, 3, 5],
        [3, 2, 1],
        [1, 3],
      ],
      [
        [3, 2, 1],
        [1, 3, 5],
        [3, 1],
      ],
      [
        [1, 3, 5],
        [3, 2, 1, 0],
        [1, 3],
      ],
      [
        [3, 2, 1],
        [1, 3, 5, 7],
        [3, 1],
      ],
      // this.size > other.size: in the argument's order
      [
        [3, 2, 1, 0],
        [1, 3, 5],
        [1, 3],
      ],
      [
        [1, 3, 5, 7],
        [3, 2, 1],
        [3, 1],
      ],
    ],
  });
  portItself(suite, 'combines-itself.js', [1, 2]);
  portMapArgument(suite, 'combines-Map.js', [2]);
  portSubclassing(suite, [2]);

  // this.size <= other.size: only has() is called, and only with this set's members.
  const asked = { size: 2, hasTrue: [2], hasFalse: [1] };
  port('allows-set-like-class.js', () => {
    expectCall(suite, [1, 2], setLikeInstance(asked), [2]);
  });
  port('allows-set-like-object.js', () => {
    expectCall(suite, [1, 2], setLikeObject(asked), [2]);
  });
  port('set-like-array.js', () => {
    expectCall(suite, [1, 2], setLikeArray([5, 6], { ...asked, size: 3 }), [2]);
  });
  port('set-like-class-mutation.js', () => {
    const base = new S([a, b, c, d, e]);
    const keys = [x, b, b];
    let index = 0;
    const argument = {
      size: 3,
      get has() {
        base.add(q);
        return setLikeObject({ size: 3 }).has;
      },
      keys: () => ({
        next() {
          if (index === 0) {
            base.delete(b);
            base.delete(c);
            base.add(b);
            base.add(d);
          }
          return { done: index >= keys.length, value: keys[index++] };
        },
      }),
    };
    compareArray([...call(base, argument)], [b]);
    compareArray([...base], [a, d, e, q, b]);
  });
  port('set-like-class-order.js', () => {
    const log: string[] = [];
    const argument = () => observableSetLike(log, 3, ['a', 'b', 'c']);
    const record = order.record;
    expectOrder(suite, ['a', 'd'], argument(), log, ['a'], [...record, ...order.has(2)]);
    expectOrder(suite, ['a', 'b', 'd'], argument(), log, ['a', 'b'], [...record, ...order.has(3)]);
    expectOrder(
      suite,
      ['a', 'b', 'c', 'd'],
      argument(),
      log,
      ['a', 'b', 'c'],
      [...record, ...order.keys(3)],
    );
  });
});
