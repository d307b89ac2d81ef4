// Timeouts are measured on a clock that fake timers do not stop, whenever they were
// installed: `process.uptime()` on Node and Bun, which no fake replaces (sinon's default
// install fakes `performance.now` and `process.hrtime`, on node:perf_hooks' object too), else
// what the global scope had when this module loaded: Deno's `process.uptime()` reads
// `globalThis.performance.now()` at call time, which fakes replace, and browsers have no
// `process`.
type Clock = () => number;

export const now: Clock = /* @__PURE__ */ findRealClock();

function findRealClock(): Clock {
  const global = globalThis as {
    Deno?: unknown;
    process?: { uptime?: () => number };
    performance?: { now(): number };
  };
  const process = global.process;
  if (global.Deno === undefined && typeof process?.uptime === 'function') {
    return () => process.uptime!() * 1000;
  }
  const performance = global.performance;
  if (typeof performance?.now === 'function') return performance.now.bind(performance);
  return Date.now;
}
