/**
 * Runs `run` in a later task of the event loop, through the host's real scheduling, never a
 * fake clock: fake timers (`vi.useFakeTimers()`, jest's, `node:test`'s `mock.timers`, sinon)
 * replace `setTimeout` and `setImmediate` on `globalThis` and on `node:timers` at any moment,
 * and a callback handed to a fake timer runs only when the test advances the clock.
 */
export const nextTask: Schedule = /* @__PURE__ */ findRealNextTask();

type Schedule = (run: () => void) => void;

function findRealNextTask(): Schedule {
  const { process, setImmediate, setTimeout, MessageChannel } = globalThis as any;
  // `scheduler.yield()` of `node:timers/promises` (Node ≥ 20.16, Bun, Deno) schedules through
  // the module's own setImmediate binding, which no fake replaces (they swap properties of
  // `globalThis` and of `node:timers`), so it works whenever fakes were installed.
  const scheduler = process?.getBuiltinModule?.('node:timers/promises').scheduler;
  if (scheduler?.yield) return (run) => void scheduler.yield().then(run);
  // Elsewhere, what the global scope had when this module loaded: fakes installed later do not
  // matter.
  if (setImmediate) return (run) => void setImmediate(run);
  // Browsers: a message is a task of its own, and no fake replaces MessageChannel. (Not on
  // Node: it delivers up to 1000 queued messages in one callback, without a turn of the event
  // loop, so cleanup tasks would not run in between.)
  if (MessageChannel) return messageTasks(MessageChannel);
  return (run) => void setTimeout(run, 0);
}

function messageTasks(Channel: typeof MessageChannel): Schedule {
  let channel: MessageChannel | undefined; // made on first use: nothing happens at load
  const queue: (() => void)[] = [];
  return (run) => {
    if (channel === undefined) {
      channel = new Channel();
      channel.port1.onmessage = () => queue.shift()!();
    }
    queue.push(run);
    channel.port2.postMessage(undefined);
  };
}
