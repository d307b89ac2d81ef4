import { describeType } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { LeakError } from './leak-error';
import { assertProbe, type Probe } from './probe';
import { now } from './real-clock';
import { findRetainers } from './retainers';

/** Options of {@link expectCollected} and {@link expectRetained}. */
export interface ExpectOptions {
  /**
   * How long, in real milliseconds (fake timers do not count), `expectCollected` keeps
   * collecting while the object is still reachable, e.g. until a pending task of the code
   * under test lets go of it. Default 1000; 0 collects once. `expectRetained` ignores it.
   */
  timeout?: number;
  /**
   * Whether a failing `expectCollected` takes a heap snapshot to find the retainer path
   * (Node only; about 0.1 s per 10 MB of heap). Default `true`.
   */
  retainers?: boolean;
}

const DEFAULT_TIMEOUT = 1000;
const ROUND_MS = 2;

/**
 * Resolves once the probed object has been collected: forces full collections (with
 * `collectGarbage()`) until it is, for up to `timeout` ms. Rejects with a {@link LeakError}
 * if it is still reachable then, with its retainer path where the runtime can tell.
 */
export async function expectCollected(probe: Probe, options?: ExpectOptions): Promise<void> {
  assertProbe(probe, 'expectCollected');
  const { timeout, retainers } = readOptions(options, 'expectCollected');
  const start = now();
  let rounds = 0;
  do {
    // It starts with a task: a probe made in this job kept its target to the job's end.
    await collectGarbage();
    if (isCollected(probe)) return;
    // Bun's fake timers freeze every clock: a round (two full collections or more) counts as
    // at least ROUND_MS, so the loop ends all the same.
  } while (Math.max(now() - start, ++rounds * ROUND_MS) < timeout);
  if (!retainers)
    throw new LeakError(probe.label, undefined, 'not looked for ({ retainers: false })');
  const found = await findRetainers(probe).catch((error: unknown) => ({
    why: `the heap snapshot failed (${String(error)})`,
  }));
  throw 'path' in found
    ? new LeakError(probe.label, found.path, '')
    : new LeakError(probe.label, undefined, found.why);
}

/**
 * Resolves if the probed object is still alive after a full collection and its cleanup;
 * rejects with an `Error` naming the label if it was collected.
 */
export async function expectRetained(probe: Probe, options?: ExpectOptions): Promise<void> {
  if (!(await survivesCollection(probe, options, 'expectRetained'))) {
    throw new Error(`expected '${probe.label}' to be retained, but it was collected`);
  }
}

/** Whether the probed object is still alive after `collectGarbage()`. */
export async function survivesCollection(
  probe: Probe,
  options: ExpectOptions | undefined,
  caller: string,
): Promise<boolean> {
  assertProbe(probe, caller);
  readOptions(options, caller);
  await collectGarbage();
  return !isCollected(probe);
}

// In its own function: the deref keeps the target alive only to the end of this task.
function isCollected(probe: Probe): boolean {
  return probe.deref() === undefined;
}

function readOptions(options: ExpectOptions | undefined, caller: string): Required<ExpectOptions> {
  if (options === undefined) return { timeout: DEFAULT_TIMEOUT, retainers: true };
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}() options must be an object, not '${describeType(options)}'`);
  }
  const { timeout = DEFAULT_TIMEOUT, retainers = true } = options;
  if (typeof timeout !== 'number' || !(timeout >= 0)) {
    throw new TypeError(
      `${caller}() timeout must be a non-negative number of ms, not ${describeValue(timeout)}`,
    );
  }
  if (typeof retainers !== 'boolean') {
    throw new TypeError(`${caller}() retainers must be a boolean, not ${describeValue(retainers)}`);
  }
  return { timeout, retainers };
}

function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : `'${describeType(value)}'`;
}
