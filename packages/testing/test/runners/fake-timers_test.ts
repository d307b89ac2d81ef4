// Fake timers installed before @w/testing loads (as a setup file or jest's `fakeTimers` config
// does them), in Bun's and Deno's own test runners (`pnpm test:runtimes bun-test deno-test`):
// @sinonjs/fake-timers fakes every timer and the clock of `globalThis`.
import FakeTimers from '@sinonjs/fake-timers';

const clock = FakeTimers.install();
const { expectCollected, expectRetained, LeakError, probe } = await import('@w/testing');
const runner = 'bun:test'; // a variable: Deno does not resolve it
const { test }: { test: (name: string, fn: () => Promise<void>) => void } =
  (globalThis as any).Deno ?? (await import(runner));

// Made in a synchronous function: no frame of the test holds the object.
function dropped() {
  return probe({}, 'dropped');
}

test('fake timers installed before @w/testing loads', async () => {
  try {
    await expectCollected(dropped());
    const held = {};
    const check = expectCollected(probe(held, 'held'), { timeout: 50, retainers: false });
    const error = await check.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof LeakError)) throw new Error(`expected a LeakError, got ${error}`);
    await expectRetained(probe(held, 'held'));
  } finally {
    clock.uninstall();
  }
});
