import { nextTask } from '@w/test-support/next-task';
import { hasNodeApis } from '@w/test-support/node-apis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CellRegistry,
  cleanOwnCell,
  createCellRegistry,
  createCleanupRegistry,
  type OwnCell,
  registerCleanable,
} from '../src/cleanup-registry';
import { collectGarbage } from '../src/testing';
import { setUnraisableHook, type Unraisable } from '../src/unraisable';

afterEach(() => setUnraisableHook());

const gc = (globalThis as unknown as { gc: () => void }).gc;

// One event-loop iteration where there is one (nextTask schedules through the host's own
// setImmediate, which fake timers do not replace): a timer can wait out several iterations.
const nextTurn = nextTask;

/** Event-loop turns after a full collection until `done()`; gives up after `max`. */
async function turnsUntil(done: () => boolean, max: number): Promise<number> {
  await nextTurn(); // the objects just made are kept to the end of the task that made them
  gc();
  let turns = 0;
  while (!done() && turns < max) {
    await nextTurn();
    turns++;
  }
  return turns;
}

function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

describe('createCleanupRegistry', () => {
  it('keeps cleanup running after a dirty registry of the user is collected', async () => {
    // V8 11.3 would never run any cleanup again after this: a registry collected while its
    // cleanup was pending.
    let dropped: FinalizationRegistry<undefined> | undefined = new FinalizationRegistry(() => {});
    (() => dropped.register({}, undefined))();
    await nextTask(); // the registry is no longer kept alive by the task that made it
    gc(); // its target is dead: cleanup is pending...
    dropped = undefined;
    gc(); // ...and the registry itself is collected before that cleanup ran
    let cleaned = false;
    const kept = createCleanupRegistry(() => {
      cleaned = true;
    }, 'test cleanup');
    (() => kept.register({}, undefined))();
    await collectGarbage();
    expect(cleaned).toBe(true);
  });

  it.each([1, 100, 3000])(
    'runs the cleanup of %i registries within a constant number of turns',
    async (count) => {
      const cleaned = new Set<number>();
      const registries = Array.from({ length: count }, () =>
        createCleanupRegistry<number>((held) => cleaned.add(held), 'test cleanup'),
      );
      (() => {
        for (const [i, registry] of registries.entries()) registry.register({}, i);
      })();
      const turns = await turnsUntil(() => cleaned.size === count, 10_000);
      expect(cleaned.size).toBe(count);
      expect(turns).toBeLessThanOrEqual(2);
    },
  );

  it('reports a throwing cleanup, and a rejected one, with its origin, and runs the rest', async () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    const ran: string[] = [];
    const throwing = createCleanupRegistry<string>((held) => {
      ran.push(held);
      throw new Error(`${held} failed`);
    }, 'throwing cleanup');
    const rejecting = createCleanupRegistry<string>(async (held) => {
      ran.push(held);
      throw new Error(`${held} failed`);
    }, 'async cleanup');
    const fine = createCleanupRegistry<string>((held) => ran.push(held), 'fine cleanup');
    (() => {
      throwing.register({}, 'sync');
      rejecting.register({}, 'async');
      fine.register({}, 'fine');
    })();
    await collectGarbage();
    expect(ran.sort()).toEqual(['async', 'fine', 'sync']);
    expect(seen.map((u) => [u.origin, String(u.error)]).sort()).toEqual([
      ['async cleanup', 'Error: async failed'],
      ['throwing cleanup', 'Error: sync failed'],
    ]);
  });

  it('reports a fault in its own cells once, and goes on cleaning', async () => {
    // What a tampered process-wide slot makes of a cell; thrown out, it would end the process.
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    const broken = {
      clean() {
        throw new Error('tampered');
      },
    };
    let cleaned = 0;
    const registry = createCleanupRegistry(() => cleaned++, 'test cleanup');
    (() => {
      for (let i = 0; i < 3; i++) {
        registerCleanable({}, broken);
        registry.register({}, undefined);
      }
    })();
    await collectGarbage();
    expect(seen.map((u) => String(u.error))).toEqual(['Error: tampered']);
    expect(cleaned).toBe(3);
  });

  it('never calls the cleanup of a registry that was dropped', async () => {
    let calls = 0;
    (() => {
      const registry = createCleanupRegistry(() => calls++, 'test cleanup');
      registry.register({}, undefined);
    })();
    await collectGarbage();
    expect(calls).toBe(0);
  });

  // Measures the heap with process.memoryUsage().
  it.runIf(hasNodeApis)(
    'releases what a dropped registry held for targets that stay alive',
    async () => {
      const targets = Array.from({ length: 10 }, () => ({}));
      await collectGarbage();
      const before = heapUsed();
      // 1e4 dropped registries (containers), each with 10 registrations on live targets: about
      // 20 MB if their cells, and what they hold, stayed.
      for (let batch = 0; batch < 10; batch++) {
        (() => {
          for (let r = 0; r < 1000; r++) {
            const registry = createCleanupRegistry<unknown>(() => {}, 'test cleanup');
            for (const target of targets) registry.register(target, new Array(16).fill(0));
          }
        })();
        await collectGarbage();
      }
      await collectGarbage();
      expect(heapUsed() - before).toBeLessThan(4 * 1024 * 1024);
      expect(targets).toHaveLength(10);
    },
  );

  it('lets a live registry clean after its replaced predecessor was dropped', async () => {
    const target = {};
    let registry = createCleanupRegistry<string>(() => {}, 'old');
    registry.register(target, 'old');
    const cleaned: string[] = [];
    registry = createCleanupRegistry<string>((held) => cleaned.push(held), 'new');
    (() => registry.register({}, 'new'))();
    await collectGarbage();
    expect(cleaned).toEqual(['new']);
    expect(target).toBeDefined();
  });
});

describe("add: a container's cells", () => {
  class Held extends WeakRef<object> implements OwnCell {
    cleanupOwner: object | undefined = undefined;
    clean(): void {
      cleanOwnCell(this);
    }
  }

  // Registries made by `logged`: a dropped registry takes its cells with it, and
  // JavaScriptCore (Bun) drops a local that is not read again before the test ends.
  const registries: CellRegistry<Held>[] = [];

  // A registry that logs what it cleans, and the live target of a cell made with it.
  function logged() {
    const cleaned: Held[] = [];
    const registry = createCellRegistry<Held>(
      (cell) => cleaned.push(cell),
      'test',
      () => {},
    );
    registries.push(registry);
    const kept: object[] = [{}];
    return { cleaned, registry, kept };
  }

  it('cleans a cell whose target dies young once, with itself, unregistered', async () => {
    const { cleaned, registry } = logged();
    const cell = (() => {
      const made = new Held({});
      registry.add(made);
      return made;
    })();
    expect(cell.cleanupOwner).toBeUndefined(); // young: no registration yet
    await collectGarbage();
    expect(cleaned).toEqual([cell]);
    expect(cell.cleanupOwner).toBeUndefined();
  });

  it('registers a cell whose target lives through a collection, and cleans it once', async () => {
    const { cleaned, registry, kept } = logged();
    const cell = new Held(kept[0] as object);
    registry.add(cell);
    await collectGarbage();
    expect(cell.cleanupOwner).toBeTypeOf('object'); // registered by the sweep
    expect(cleaned).toEqual([]);
    kept.length = 0;
    await collectGarbage();
    expect(cleaned).toEqual([cell]);
  });

  it('never cleans a retired cell, young or registered', async () => {
    const { cleaned, registry, kept } = logged();
    const registered = new Held(kept[0] as object);
    registry.add(registered);
    await collectGarbage();
    (() => {
      const young = new Held({});
      registry.add(young);
      registry.retire(young);
    })();
    registry.retire(registered);
    registry.retire(registered); // twice is once
    kept.length = 0;
    await collectGarbage();
    expect(cleaned).toEqual([]);
  });

  it('takes stale registrations back once they outnumber the live cells twice, plus 1024', async () => {
    const cells: Held[] = [];
    let visits = 0;
    const registry = createCellRegistry<Held>(
      () => {},
      'test',
      (visit) => {
        visits++;
        for (const cell of cells) visit(cell);
      },
    );
    const targets = Array.from({ length: 1030 }, () => ({}));
    const all = targets.map((target) => new Held(target));
    for (const cell of all) registry.add(cell);
    await collectGarbage(); // all registered
    cells.push(all[1029] as Held);
    for (const cell of all.slice(0, 1028)) registry.retire(cell); // 1028 stale, 2 live
    expect(visits).toBe(0);
    registry.retire(all[1028] as Held); // 1029 stale > 2 * 1 live + 1024
    expect(visits).toBe(1);
    for (const cell of cells) expect(cell.cleanupOwner).toBeTypeOf('object'); // registered again
    expect(targets).toHaveLength(1030);
  });

  it('lets a dropped registry take its own cells with it', async () => {
    let cleaned = 0;
    const kept: object[] = [];
    await (async () => {
      const dropped = createCellRegistry<Held>(
        () => cleaned++,
        'test',
        () => {},
      );
      const target = {};
      kept.push(target);
      dropped.add(new Held(target));
    })();
    await collectGarbage(); // registered by the sweep, then the registry goes with its cells
    await collectGarbage();
    kept.length = 0;
    await collectGarbage();
    expect(cleaned).toBe(0);
  });
});

describe('collectGarbage with many live registries', () => {
  // Counted in event-loop turns, not milliseconds: the bench times it (docs/benchmarks.md).
  // A counter beside it takes one turn at a time, whatever collectGarbage() schedules with.
  async function collectTurns(): Promise<number> {
    let turns = 0;
    let done = false;
    const counting = (async () => {
      for (; !done; turns++) await nextTask();
    })();
    await collectGarbage();
    done = true;
    await counting;
    return turns;
  }

  it('waits as many turns with 3000 live registries as with none', async () => {
    const alone = await collectTurns();
    const registries = Array.from({ length: 3000 }, () =>
      createCleanupRegistry<number>(() => {}, 'test cleanup'),
    );
    const live = {};
    for (const registry of registries) registry.register(live, 0);
    // It used to yield one turn per live registry: 3000 more per round.
    expect(await collectTurns()).toBeLessThan(alone + 50);
    expect(registries).toHaveLength(3000);
  });
});
