// Timeouts are measured on a clock that fake timers do not stop: Node's perf_hooks (fakes
// replace the global `performance`, not the module's), else what the global scope had when
// this module loaded.
type Clock = () => number;

export const now: Clock = /* @__PURE__ */ findRealClock();

function findRealClock(): Clock {
  const global = globalThis as {
    process?: { getBuiltinModule?: (id: string) => any };
    performance?: { now(): number };
  };
  const performance =
    global.process?.getBuiltinModule?.('node:perf_hooks')?.performance ?? global.performance;
  if (typeof performance?.now === 'function') return performance.now.bind(performance);
  return Date.now;
}
