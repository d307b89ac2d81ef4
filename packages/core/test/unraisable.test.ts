import { loadCommonJsCopy } from '@w/test-support/common-js-copy';
import { nextTask } from '@w/test-support/next-task';
import { hasNodeApis } from '@w/test-support/node-apis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  callReportingErrors,
  reportUnraisable,
  setUnraisableHook,
  type Unraisable,
} from '../src/unraisable';

afterEach(() => {
  setUnraisableHook();
  vi.restoreAllMocks();
});

describe('setUnraisableHook', () => {
  it('returns the previous hook and restores the default with no argument', () => {
    const seen: Unraisable[] = [];
    const hook = (u: Unraisable) => seen.push(u);
    const original = setUnraisableHook(hook);
    expect(setUnraisableHook()).toBe(hook);
    expect(setUnraisableHook(hook)).toBe(original);
  });

  it('gives the hook the error, its origin and object', () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    const error = new Error('boom');
    const owner = { name: 'owner' };
    reportUnraisable(error, 'ref callback', owner);
    expect(seen).toEqual([{ error, origin: 'ref callback', object: owner }]);
  });

  it('rejects a hook that is not a function, keeping the current one', () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    expect(() => setUnraisableHook(42 as never)).toThrow(
      new TypeError(`unraisable hook must be a function, not 'number'`),
    );
    reportUnraisable(new Error('x'), 'test');
    expect(seen).toHaveLength(1);
  });
});

describe('the default hook', () => {
  it('prints "Exception ignored in" with the origin and the error to stderr', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = new Error('boom');
    reportUnraisable(error, 'finalizer', { toString: () => 'Finalizer#1' });
    expect(printed).toHaveBeenCalledWith('Exception ignored in: finalizer Finalizer#1\n', error);
  });

  it('reports both errors when a hook itself throws', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    setUnraisableHook(() => {
      throw new Error('hook broke');
    });
    reportUnraisable(new Error('original'), 'ref callback');
    const messages = printed.mock.calls.map((call) => String(call[1]));
    expect(messages).toEqual(['Error: hook broke', 'Error: original']);
  });
});

describe('callReportingErrors', () => {
  it('calls the function with its arguments and swallows its error into the hook', () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    const calls: number[] = [];
    callReportingErrors((n: number) => calls.push(n), 'test', undefined, 7);
    callReportingErrors(
      () => {
        throw new Error('inside');
      },
      'test',
      'me',
    );
    expect(calls).toEqual([7]);
    expect(seen.map((u) => [String(u.error), u.object])).toEqual([['Error: inside', 'me']]);
  });
});

describe('printing what cannot be printed', () => {
  it('does not throw for an object whose every operation throws (a dead proxy)', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new ReferenceError('dead');
        },
      },
    );
    const error = new Error('boom');
    expect(() => reportUnraisable(error, 'proxy callback', hostile)).not.toThrow();
    expect(printed).toHaveBeenCalledWith('Exception ignored in: proxy callback [object]\n', error);
  });
});

function thenable(then: unknown): object {
  return Object.defineProperty({}, 'then', { value: then });
}

describe('callReportingErrors with async callbacks', () => {
  async function settle(): Promise<void> {
    await nextTask();
  }

  it('reports the rejection of a returned promise, like a throw', async () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    callReportingErrors(
      async () => {
        throw new Error('async boom');
      },
      'ref callback',
      'me',
    );
    callReportingErrors(async () => 'fine', 'ref callback', 'me');
    await settle();
    expect(seen.map((u) => [u.origin, String(u.error), u.object])).toEqual([
      ['ref callback', 'Error: async boom', 'me'],
    ]);
  });

  it('reports the rejection of any thenable, and a `then` that throws', async () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    // Thenables on purpose: what an `async` callback of another promise library returns.
    const rejecting = thenable((_: unknown, reject: (e: unknown) => void) => reject('rejected'));
    const throwingThen = thenable(() => {
      throw new Error('then threw');
    });
    const throwingGetter = Object.defineProperty({}, 'then', {
      get() {
        throw new Error('getter threw');
      },
    });
    for (const result of [rejecting, throwingThen, throwingGetter, thenable(42)]) {
      callReportingErrors(() => result, 'finalizer', undefined);
    }
    await settle();
    expect(seen.map((u) => String(u.error))).toEqual([
      'rejected',
      'Error: then threw',
      'Error: getter threw',
    ]);
  });
});

describe('one hook per process', () => {
  // The other copy is a CommonJS bundle of src/, loaded with node:module's createRequire.
  it.runIf(hasNodeApis)('is set through any copy of @w/core and seen by all of them', async () => {
    const copy = (await loadCommonJsCopy(new URL('../src/unraisable.ts', import.meta.url))) as {
      setUnraisableHook: typeof setUnraisableHook;
      reportUnraisable: typeof reportUnraisable;
    };
    const seen: string[] = [];
    copy.setUnraisableHook((u) => seen.push(`${u.origin}`));
    reportUnraisable(new Error('x'), 'from this copy');
    setUnraisableHook((u) => seen.push(`${u.origin} (new hook)`));
    copy.reportUnraisable(new Error('y'), 'from the CJS copy');
    expect(seen).toEqual(['from this copy', 'from the CJS copy (new hook)']);
  });
});
