import { describe, expect, it } from 'vitest';
import { type LeakMatchers, matchers, type Probe, probe } from '../src/index';

expect.extend(matchers);

declare module 'vitest' {
  interface Matchers<T = any> extends LeakMatchers<T> {}
}

function dropped(label: string): Probe<object> {
  return probe({}, label);
}

describe('matchers', () => {
  it('toBeCollected passes for a dropped object and fails for a held one', async () => {
    await expect(dropped('gone')).toBeCollected();
    const held = {};
    await expect(expect(probe(held, 'kept')).toBeCollected({ timeout: 0 })).rejects.toThrow(
      /^expected 'kept' to be collected, but it is still reachable/,
    );
    // Read afterwards: JavaScriptCore collects a local that no later code reads.
    expect(held).toEqual({});
  });

  it('.not.toBeCollected passes for a held object and fails for a dropped one', async () => {
    const held = {};
    await expect(probe(held, 'kept')).not.toBeCollected();
    await expect(expect(dropped('gone')).not.toBeCollected()).rejects.toThrow(
      "expected 'gone' not to be collected, but it was",
    );
    expect(held).toEqual({});
  });

  it('rejects what is not a probe', async () => {
    await expect(expect({}).toBeCollected()).rejects.toThrow(
      new TypeError("toBeCollected() expects a probe, not 'object'"),
    );
  });
});
