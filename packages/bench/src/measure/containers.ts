import type { BenchConfig } from '../config';
import {
  collectAndSettle,
  fullGc,
  heapAfterGc,
  nextTurn,
  now,
  timeChurn,
  timeOnce,
  timeUntil,
} from '../harness';
import { CHURN_BATCHES, DEAD, type Op, READ_PASSES, RECLAIM_TURNS } from '../ops';
import type { Subject } from '../subjects';
import type { SampleBook } from './record';

/** Keys and values for `reps` containers of `n` entries, made before any timing. */
function makeData(subject: Subject, n: number, reps: number) {
  const ints = Array.from({ length: n }, (_, i) => i);
  const objects = () => Array.from({ length: n }, (_, i) => ({ i }));
  const data = { keys: [] as unknown[][], values: [] as unknown[][], newValues: [] as unknown[][] };
  for (let r = 0; r < reps; r++) {
    // Maps of values: int keys. Others: fresh key objects per round (a library may hang
    // state on its keys).
    const valueMap = subject.kind === 'value-map';
    data.keys.push(valueMap ? ints : objects());
    data.values.push(valueMap ? objects() : ints);
    data.newValues.push(valueMap ? objects() : ints.map((i) => i + 1));
  }
  return data;
}

/**
 * A container with one live entry, kept for the whole suite: V8 frees a class's instance
 * maps once every instance has died, and drops the optimized code that embeds them, so
 * without a survivor every round would time a JS library's JIT warm-up again while
 * built-ins (whose maps never die) run warm code.
 */
export function anchorContainer(subject: Subject): unknown {
  const data = makeData(subject, 1, 1);
  const container = subject.make({ fired: 0 });
  subject.loop.fill!(container, data.keys[0], data.values[0]);
  return { container, data };
}

/** One round of every op the subject lists, at size `n`. */
export async function containerRound(
  subject: Subject,
  n: number,
  config: BenchConfig,
  book: SampleBook,
): Promise<void> {
  const reps = Math.max(1, Math.ceil(config.minOpsPerSample / n));
  const total = reps * n;
  const { loop, ops } = subject;
  const cell = (op: Op) => ({
    suite: subject.kind,
    n,
    subject: subject.name,
    role: subject.role,
    op,
  });
  const record = (op: Op, nanoseconds: number, per = total) =>
    book.add(cell(op), nanoseconds / per);
  const check = (op: Op, got: number) => {
    if (got !== total) book.problem(cell(op), `${op} counted ${got} of ${total}`);
  };
  let data: ReturnType<typeof makeData> | undefined = makeData(subject, n, reps);
  const containers = Array.from({ length: reps }, () => subject.make({ fired: 0 }));
  const each = (body: (c: unknown, r: number) => number | undefined) => {
    let count = 0;
    for (let r = 0; r < reps; r++) count += body(containers[r], r) ?? 0;
    return count;
  };
  // Between timed phases: end the task (drops kept WeakRef targets) and collect, untimed.
  const quietGc = async () => {
    await nextTurn();
    fullGc();
  };
  const before = heapAfterGc();

  record(
    'set',
    timeOnce(() => each((c, r) => loop.fill!(c, data!.keys[r], data!.values[r]))),
  );
  // The first collection and its cleanup, timed: a design that defers work from set (a
  // registration until the entry survives a collection, say) pays for it here. Memory is
  // read after that cleanup, so deferred cells count too.
  const settleStart = now();
  await collectAndSettle();
  record('settle', now() - settleStart);
  record('memory', Math.max(0, heapAfterGc() - before));

  // Reads run once untimed, then READ_PASSES times, each after a task boundary (which drops
  // the targets deref() kept), keeping the fastest: the read itself, not the aftermath of the
  // forced collection before it (cold caches, sweeper threads) nor a neighbour's burst.
  for (const op of ['get', 'has', 'iterate', 'values', 'keys', 'forEach'] as const) {
    if (!ops.includes(op)) continue;
    const pass = () => each((c, r) => loop[op]!(c, data!.keys[r]));
    let count = pass();
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < READ_PASSES; i++) {
      await nextTurn();
      fastest = Math.min(
        fastest,
        timeOnce(() => (count = pass())),
      );
    }
    check(op, count);
    record(op, fastest);
    await quietGc();
  }

  record(
    'replace',
    timeOnce(() => each((c, r) => loop.fill!(c, data!.keys[r], data!.newValues[r]))),
  );
  await quietGc();
  let removed = 0;
  record(
    'delete',
    timeOnce(() => (removed = each((c, r) => loop.remove!(c, data!.keys[r])))),
  );
  check('delete', removed);
  await quietGc();

  if (ops.includes('reclaim')) {
    // D entries die among N live ones that a collection has already seen (their first
    // collection is `settle`): a good design costs O(D), one that rescans costs O(N).
    const dead = Math.min(DEAD, n);
    const container = subject.make({ fired: 0 });
    loop.fill!(container, data.keys[0], data.values[0]);
    await collectAndSettle();
    loop.fillDying!(container, dead, n);
    record('reclaim', await timeUntil(() => loop.size!(container) <= n, RECLAIM_TURNS), dead);
  }
  data = undefined;
  containers.length = 0;

  // Sustained writes while entries keep dying, collections and cleanup included.
  const container = subject.make({ fired: 0 });
  const churn = await timeChurn(CHURN_BATCHES, () => loop.fillDying!(container, n, 0));
  record('churn', churn, CHURN_BATCHES * n);
}
