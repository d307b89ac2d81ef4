import { setUnraisableHook } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finalize, proxy, ref } from '../src';

afterEach(() => {
  setUnraisableHook();
  vi.restoreAllMocks();
});

// One object with a throwing ref callback, proxy callback and finalizer; it dies once this
// returns, and the refs stay reachable (the callbacks only run for a ref that is kept).
function throwingCallbacksOfDying(kept: unknown[]): void {
  const obj = {};
  const boom = () => {
    throw new Error('boom');
  };
  kept.push(ref(obj, boom), proxy(obj, boom));
  finalize(obj, function close() {
    throw new Error('boom');
  });
}

describe("the default unraisable hook's message", () => {
  it('names the ref, proxy or finalizer as String() and the inspection show them', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const kept: unknown[] = [];
    throwingCallbacksOfDying(kept);
    await collectGarbage();
    const messages = printed.mock.calls.map((call) => String(call[0])).sort();
    expect(messages).toEqual([
      'Exception ignored in: finalizer Finalizer { <dead> close }\n',
      'Exception ignored in: proxy callback <dead weak proxy>\n',
      'Exception ignored in: ref callback Ref { <dead> }\n',
    ]);
    expect(kept).toHaveLength(2);
  });
});
