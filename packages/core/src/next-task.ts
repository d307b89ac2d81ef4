/**
 * Runs `run` in a later task of the event loop, through the host's real scheduling, never a
 * fake clock: fake timers (`vi.useFakeTimers()`, jest's, `node:test`'s `mock.timers`, sinon)
 * replace `setTimeout` and `setImmediate` on `globalThis` and on `node:timers` at any moment,
 * and a callback handed to a fake timer runs only when the test advances the clock.
 */
export function nextTask(run: () => void): void {
  realNextTask(run);
}

type Schedule = (run: () => void) => void;

const realNextTask: Schedule = /* @__PURE__ */ findRealNextTask();

function findRealNextTask(): Schedule {
  const global = globalThis as {
    Bun?: unknown;
    Deno?: unknown;
    process?: { getBuiltinModule?: (id: string) => any };
    setImmediate?: (run: () => void) => unknown;
    setTimeout: (run: () => void, ms: number) => unknown;
  };
  // Node ≥ 20.16: `scheduler.yield()` of `node:timers/promises` schedules through the module's
  // own setImmediate binding, which no fake replaces (they swap exported properties), so it
  // works whenever fakes were installed. Bun and Deno implement that module their own way.
  const builtin = global.process?.getBuiltinModule;
  if (typeof builtin === 'function' && global.Bun === undefined && global.Deno === undefined) {
    const scheduler = builtin('node:timers/promises')?.scheduler;
    if (typeof scheduler?.yield === 'function') return (run) => void scheduler.yield().then(run);
  }
  // Elsewhere, what the global scope had when this module loaded: fakes installed later do not
  // matter. (Not a MessageChannel: Node delivers up to 1000 queued messages in one callback,
  // without a turn of the event loop, so cleanup tasks would not run in between.)
  const setImmediate = global.setImmediate;
  if (typeof setImmediate === 'function') return (run) => void setImmediate(run);
  const setTimeout = global.setTimeout;
  return (run) => void setTimeout(run, 0);
}
