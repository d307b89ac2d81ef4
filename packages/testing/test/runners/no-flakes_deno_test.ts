// The no-flakes goal in Deno's own test runner (`pnpm test:runtimes deno-test`), on the
// installed package, without flags: a dropped object passes and a held one fails, 200 times in
// a row each, one collection per check. (Deno.test has no fake timers of its own:
// fake-timers_test.ts installs sinon's.)
import { expectCollected, LeakError, type Probe, probe } from '@w/testing';

const TIMES = 200;

// Made in a synchronous function: no frame of the test holds the object.
function dropped(i: number): Probe<object> {
  return probe({ i }, `dropped ${i}`);
}

Deno.test(`a dropped object passes ${TIMES} times in a row`, async () => {
  let passed = 0;
  for (let i = 0; i < TIMES; i++) {
    await expectCollected(dropped(i), { timeout: 0 });
    passed++;
  }
  if (passed !== TIMES) throw new Error(`${passed} of ${TIMES} passed`);
});

Deno.test(`a held object fails ${TIMES} times in a row`, async () => {
  const held: object[] = [];
  for (let i = 0; i < TIMES; i++) {
    held.push({ i });
    const check = expectCollected(probe(held[i]!, `held ${i}`), { timeout: 0, retainers: false });
    const error = await check.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof LeakError)) {
      throw new Error(`held ${i}: expected a LeakError, got ${String(error)}`);
    }
  }
  if (held.length !== TIMES) throw new Error('lost a held object');
});
