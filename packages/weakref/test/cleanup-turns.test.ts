import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { IterableWeakSet, WeakKeyMap, WeakValueMap } from '../src';

// Cleanup of every container runs in one shared registry: after a collection, all their sizes
// are exact within a constant number of event-loop turns, however many containers exist.

const gc = (globalThis as unknown as { gc: () => void }).gc;

// One event-loop iteration where there is one (nextTask schedules through the host's own
// setImmediate, which fake timers do not replace): a timer can wait out several iterations.
const nextTurn = nextTask;

// Chromium's cleanup task can land up to 4 turns after a collection (docs/collection.md); Node,
// Deno and Bun's within 2. What must not happen is a turn per container.
const MAX_TURNS = hasNodeApis ? 2 : 4;

type Sized = { readonly size: number };

const kinds: [string, (live: object) => Sized][] = [
  ['IterableWeakSet', (live) => new IterableWeakSet([live, {}])],
  [
    'WeakKeyMap',
    (live) =>
      new WeakKeyMap<object, number>([
        [live, 1],
        [{}, 2],
      ]),
  ],
  [
    'WeakValueMap',
    (live) =>
      new WeakValueMap<string, object>([
        ['live', live],
        ['dying', {}],
      ]),
  ],
];

describe('cleanup of many containers', () => {
  for (const [name, make] of kinds) {
    it.each([1, 100, 3000])(
      `${name}: %i containers are exact within ${MAX_TURNS} turns`,
      async (count) => {
        const live = {};
        const containers = Array.from({ length: count }, () => make(live));
        await nextTurn(); // the refs made above keep their targets to the end of that task
        gc();
        let turns = 0;
        while (containers.some((c) => c.size !== 1) && turns < 10_000) {
          await nextTurn();
          turns++;
        }
        expect(containers.filter((c) => c.size !== 1)).toHaveLength(0);
        expect(turns).toBeLessThanOrEqual(MAX_TURNS);
      },
    );
  }

  // Measures the heap with process.memoryUsage().
  it.runIf(hasNodeApis)('frees what 1e4 dropped maps held for values that stay alive', async () => {
    const values = Array.from({ length: 10 }, () => ({}));
    await collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let batch = 0; batch < 10; batch++) {
      (() => {
        for (let m = 0; m < 1000; m++) {
          const map = new WeakValueMap<number, object>();
          for (const [i, value] of values.entries()) map.set(i, value);
        }
      })();
      await collectGarbage();
    }
    await collectGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 1024 * 1024);
    expect(values).toHaveLength(10);
  });
});
