import { type Cleanable, cleanupRunCount, registerCleanable } from './cleanup-registry';

type Gc = () => unknown;

const HOW_TO_ENABLE =
  'collectGarbage() needs a way to force garbage collection. Run Node with --expose-gc ' +
  '(or NODE_OPTIONS=--expose-gc), Deno with --v8-flags=--expose-gc, Chromium with ' +
  '--js-flags=--expose-gc; in Vitest use pool "forks" with execArgv ["--expose-gc"].';

/**
 * Forces full garbage collections and resolves once the cleanup they queued has run: ref
 * callbacks, finalizers and container cleanup. Repeats while cleanup keeps freeing more.
 * For tests (ours and yours) that assert on collection.
 *
 * Uses `globalThis.gc` where a flag exposed it, `Bun.gc(true)` on Bun, else turns gc on at
 * run time (Node ≥ 20.16, Deno). On Bun, an object that code being optimized by the concurrent
 * JIT has seen can outlive a few collections: run such tests with `BUN_JSC_useConcurrentJIT=0`.
 */
export async function collectGarbage(): Promise<void> {
  const gc = findGc();
  // Cleanup can drop the last reference to more objects: go again until enough rounds are quiet.
  let quietRounds = 0;
  for (let round = 0; round < 10; round++) {
    const before = cleanupRunCount();
    await collectUntilSentinelCleaned(gc);
    // The sentinel shares the one registry of every container, so their cleanup ran in its
    // task. V8 cleans one dirty registry per task: these turns are for the tests' own.
    for (let turn = 0; turn < SLACK_TURNS; turn++) await nextTask();
    quietRounds = cleanupRunCount() === before ? quietRounds + 1 : 0;
    if (round > 0 && quietRounds >= QUIET_ROUNDS_NEEDED) return;
  }
}

// JavaScriptCore (Bun) scans the stack conservatively: a stale slot can keep a dead object
// through one collection, so one quiet round proves nothing there.
const QUIET_ROUNDS_NEEDED = 'Bun' in globalThis ? 2 : 1;

const SLACK_TURNS = 4;

async function collectUntilSentinelCleaned(gc: Gc): Promise<void> {
  const sentinel = registerSentinel();
  for (let attempt = 0; !sentinel.cleaned; attempt++) {
    if (attempt === 1000) throw new Error('collectGarbage(): a collection never ran its cleanup');
    await nextTask();
    gc();
    await nextTask();
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

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
