// The no-flakes goal in Bun's own test runner (`pnpm test:runtimes bun-test`), on the built
// package: a dropped object passes and a held one fails, 200 times in a row each, one
// collection per check, with Bun's fake timers installed after the import.
import { afterEach, beforeEach, expect, jest, test } from 'bun:test';
import { expectCollected, LeakError, type Probe, probe } from '@w/testing';

const TIMES = 200;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

// Made in a synchronous function: no frame of the test holds the object.
function dropped(i: number): Probe<object> {
  return probe({ i }, `dropped ${i}`);
}

test(`a dropped object passes ${TIMES} times in a row`, async () => {
  let passed = 0;
  for (let i = 0; i < TIMES; i++) {
    await expectCollected(dropped(i), { timeout: 0 });
    passed++;
  }
  expect(passed).toBe(TIMES);
}, 60_000);

test(`a held object fails ${TIMES} times in a row`, async () => {
  const held: object[] = [];
  for (let i = 0; i < TIMES; i++) {
    held.push({ i });
    const check = expectCollected(probe(held[i]!, `held ${i}`), { timeout: 0, retainers: false });
    await expect(check).rejects.toThrow(LeakError);
  }
  // Read afterwards: JavaScriptCore may collect what no later code reads.
  expect(held).toHaveLength(TIMES);
}, 60_000);

// Bun's fake timers freeze every clock, process.uptime() too: the timeout still ends the loop.
test('a held object fails within its timeout, every clock frozen', async () => {
  const held = {};
  const check = expectCollected(probe(held, 'held'), { timeout: 100, retainers: false });
  await expect(check).rejects.toThrow(LeakError);
  expect(held).toBeDefined();
}, 5_000);
