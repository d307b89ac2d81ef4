import { cleanupRegistryCount, cleanupRunCount } from './cleanup-registry';

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
    // V8 cleans one dirty registry per task: give every registry (ours, plus slack) a turn.
    for (let turn = 0; turn < cleanupRegistryCount() + 4; turn++) await nextTask();
    quietRounds = cleanupRunCount() === before ? quietRounds + 1 : 0;
    if (round > 0 && quietRounds >= QUIET_ROUNDS_NEEDED) return;
  }
}

// JavaScriptCore (Bun) scans the stack conservatively: a stale slot can keep a dead object
// through one collection, so one quiet round proves nothing there.
const QUIET_ROUNDS_NEEDED = 'Bun' in globalThis ? 2 : 1;

let sentinelsCleaned = 0;
const sentinels = new FinalizationRegistry<number>((id) => {
  sentinelsCleaned = Math.max(sentinelsCleaned, id);
});
let sentinelsMade = 0;

async function collectUntilSentinelCleaned(gc: Gc): Promise<void> {
  const id = registerSentinel();
  for (let attempt = 0; sentinelsCleaned < id; attempt++) {
    if (attempt === 1000) throw new Error('collectGarbage(): a collection never ran its cleanup');
    await nextTask();
    gc();
    await nextTask();
  }
}

// In its own function so that no frame of the caller keeps the sentinel alive.
function registerSentinel(): number {
  const id = ++sentinelsMade;
  sentinels.register({}, id);
  return id;
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
