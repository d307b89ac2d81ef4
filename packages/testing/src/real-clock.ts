// Timeouts are measured on a clock that fake timers do not stop, whenever they were
// installed: `process.uptime()` on Node and Bun, which no fake replaces (sinon's default
// install fakes `performance.now` and `process.hrtime`, on node:perf_hooks' object too; Bun's
// own fakes freeze every clock, which expect.ts allows for).
// Deno's `process.uptime()` reads `globalThis.performance.now()` at call time, which fakes
// replace, and browsers have no `process`: there, `Performance.prototype.now` on the host's
// own performance object (node:perf_hooks' on Deno), which fakes shadow or swap but never change.
type Clock = () => number;

export const now: Clock = /* @__PURE__ */ findRealClock();

function findRealClock(): Clock {
  const global = globalThis as {
    Deno?: unknown;
    process?: { uptime?: () => number; getBuiltinModule?: (id: string) => any };
    performance?: object;
    Performance?: { prototype: { now(): number } };
  };
  const process = global.process;
  if (global.Deno === undefined && typeof process?.uptime === 'function') {
    return () => process.uptime!() * 1000;
  }
  const performance =
    process?.getBuiltinModule?.('node:perf_hooks').performance ?? global.performance;
  const realNow = global.Performance?.prototype.now;
  try {
    realNow!.call(performance);
    return () => realNow!.call(performance);
  } catch {
    return Date.now; // no Performance, or a fake in the place of the host's own
  }
}
