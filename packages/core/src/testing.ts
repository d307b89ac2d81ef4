import { type Cleanable, cleanupRunCount, registerCleanable } from './cleanup-registry';
import { nextTask } from './next-task';

type Gc = () => unknown;

const HOW_TO_ENABLE =
  'collectGarbage() needs a way to force garbage collection. Run Node with --expose-gc ' +
  '(or NODE_OPTIONS=--expose-gc), Deno with --v8-flags=--expose-gc, Chromium with ' +
  '--js-flags=--expose-gc; in Vitest use pool "forks" with execArgv ["--expose-gc"].';

/**
 * Forces full garbage collections and resolves once the cleanup they queued has run: ref
 * callbacks, finalizers and container cleanup. Repeats until a round of collection runs no
 * cleanup (each round frees what the previous round's cleanup let go of), at most 100
 * rounds: past that, cleanup keeps freeing more each time (a chain longer
 * than that, or cleanup that makes new garbage) and it rejects with an error that says so.
 * For tests (ours and yours) that assert on collection.
 *
 * Uses `globalThis.gc` where a flag exposed it, `Bun.gc(true)` on Bun, else turns gc on at
 * run time (Node ≥ 20.16, Deno). Fake timers do not matter: it schedules through the host's
 * real event loop. On Bun, an object that code being optimized by the concurrent JIT has
 * seen can outlive a few collections: run such tests with `BUN_JSC_useConcurrentJIT=0`.
 */
export async function collectGarbage(): Promise<void> {
  const gc = findGc();
  let quietRounds = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = cleanupRunCount();
    await collectUntilSentinelCleaned(gc);
    // The sentinel shares the one registry of every container, so their cleanup ran in its
    // task. V8 cleans one dirty registry per task: these turns are for the tests' own.
    for (let turn = 0; turn < SLACK_TURNS; turn++) await nextTaskPromise();
    quietRounds = cleanupRunCount() === before ? quietRounds + 1 : 0;
    if (round > 0 && quietRounds >= QUIET_ROUNDS_NEEDED) return;
  }
  throw new Error(
    `collectGarbage(): cleanup still freed more objects after ${MAX_ROUNDS} rounds of ` +
      'collection (a chain of finalizers longer than that, or cleanup that makes new garbage)',
  );
}

// Each round takes a few ms on a small heap: 100 stays well inside a test's timeout.
const MAX_ROUNDS = 100;

// JavaScriptCore (Bun) scans the stack conservatively: a stale slot can keep a dead object
// through one collection, so one quiet round proves nothing there.
const QUIET_ROUNDS_NEEDED = 'Bun' in globalThis ? 2 : 1;

const SLACK_TURNS = 4;

async function collectUntilSentinelCleaned(gc: Gc): Promise<void> {
  const sentinel = registerSentinel();
  for (let attempt = 0; !sentinel.cleaned; attempt++) {
    if (attempt === 1000) throw new Error('collectGarbage(): a collection never ran its cleanup');
    await nextTaskPromise();
    gc();
    await nextTaskPromise();
  }
}

// In its own function so that no frame of the caller keeps the sentinel's target alive.
function registerSentinel(): Cleanable & { cleaned: boolean } {
  const sentinel = {
    cleaned: false,
    clean() {
      sentinel.cleaned = true;
    },
  };
  registerCleanable({}, sentinel);
  return sentinel;
}

function nextTaskPromise(): Promise<void> {
  return new Promise((resolve) => nextTask(resolve));
}

let cachedGc: Gc | undefined;

function findGc(): Gc {
  cachedGc ??= locateGc();
  return cachedGc;
}

function locateGc(): Gc {
  const global = globalThis as {
    gc?: Gc;
    Bun?: { gc(force: boolean): void };
    process?: { getBuiltinModule?: (id: string) => any };
  };
  if (typeof global.gc === 'function') return global.gc;
  const bun = global.Bun;
  if (bun !== undefined) return () => bun.gc(true);
  // Node ≥ 20.16 can turn gc on at run time without a flag.
  const builtin = global.process?.getBuiltinModule;
  if (typeof builtin === 'function') {
    builtin('node:v8').setFlagsFromString('--expose-gc');
    const gc = builtin('node:vm').runInNewContext('gc') as Gc | undefined;
    if (typeof gc === 'function') return gc;
  }
  throw new Error(HOW_TO_ENABLE);
}
