import { asWeakKeys } from '@w/test-support/test262';
import { expect } from 'vitest';
import type { SetMethodSuite } from './set-method';

/**
 * Port of `set-like-iter-return.js` (isSupersetOf, isDisjointFrom): the argument's keys
 * iterator (over 4, 5, 6) is closed, by calling its `return`, only when the method stops
 * before the end. Each case: the receiver's members, the answer, then how many times the
 * iterator's `next` and `return` were called.
 */
export function portIteratorClosing(
  { port, set, call }: SetMethodSuite,
  cases: [receiver: unknown[], answer: boolean, nextCalls: number, returnCalls: number][],
): void {
  port('set-like-iter-return.js', () => {
    const values = asWeakKeys([4, 5, 6]);
    const iterator = {
      nextCalls: 0,
      returnCalls: 0,
      next() {
        const done = this.nextCalls >= values.length;
        const value = values[this.nextCalls];
        this.nextCalls++;
        return { done, value };
      },
      return() {
        this.returnCalls++;
        return this;
      },
    };
    const argument = {
      size: values.length,
      has: (value: unknown) => values.includes(value as WeakKey),
      keys: () => iterator,
    };
    // Each receiver is larger than the argument, so the method walks the argument's keys.
    for (const [receiver, answer, nextCalls, returnCalls] of cases) {
      iterator.nextCalls = 0;
      iterator.returnCalls = 0;
      expect(call(set(receiver), argument)).toBe(answer);
      expect({ next: iterator.nextCalls, return: iterator.returnCalls }).toEqual({
        next: nextCalls,
        return: returnCalls,
      });
    }
  });
}
