import { type ExpectOptions, expectCollected, survivesCollection } from './expect';
import { LeakError } from './leak-error';
import { assertProbe } from './probe';

/** What a vitest or jest matcher returns. */
export interface MatcherResult {
  pass: boolean;
  message(): string;
}

/** The matchers object that `expect.extend` takes (a type alias: it meets their index signature). */
export type Matchers = {
  toBeCollected(
    this: { isNot?: boolean },
    received: unknown,
    options?: ExpectOptions,
  ): Promise<MatcherResult>;
};

/**
 * The matcher's type, to merge into your runner's: in vitest,
 * `declare module 'vitest' { interface Matchers<T = any> extends LeakMatchers<T> {} }`.
 */
export interface LeakMatchers<R = unknown> {
  /** Awaited: passes once the probe's object was collected (`.not`: still alive after a collection). */
  toBeCollected(options?: ExpectOptions): Promise<R>;
}

/**
 * Matchers for `expect.extend(matchers)` in vitest and jest:
 * `await expect(probe).toBeCollected()` is {@link expectCollected}, and
 * `await expect(probe).not.toBeCollected()` is {@link expectRetained}.
 */
export const matchers: Matchers = {
  async toBeCollected(
    this: { isNot?: boolean },
    received: unknown,
    options?: ExpectOptions,
  ): Promise<MatcherResult> {
    assertProbe(received, 'toBeCollected');
    const label = received.label;
    if (this.isNot) {
      const retained = await survivesCollection(received, options, 'toBeCollected');
      return {
        pass: !retained,
        message: () => `expected '${label}' not to be collected, but it was`,
      };
    }
    try {
      await expectCollected(received, options);
      return { pass: true, message: () => `expected '${label}' not to be collected, but it was` };
    } catch (error) {
      if (!(error instanceof LeakError)) throw error;
      return { pass: false, message: () => error.message };
    }
  },
};
