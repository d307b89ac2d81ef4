import type { BenchConfig } from '../config';
import { collectAndSettle, fullGc, heapAfterGc, nextTurn, now, timeOnce } from '../harness';
import { CHURN_BATCHES, DEAD, type Op, READ_PASSES, RECLAIM_TURNS } from '../ops';
import type { Subject } from '../subjects';
import type { SampleBook } from './record';

/** Keys and values for `reps` containers of `n` entries, made before any timing. */
function makeData(subject: Subject, n: number, reps: number) {
  const ints = Array.from({ length: n }, (_, i) => i);
  const objects = () => Array.from({ length: n }, (_, i) => ({ i }));
  const data = { keys: [] as unknown[][], values: [] as unknown[][], newValues: [] as unknown[][] };
  for (let r = 0; r < reps; r++) {
    if (subject.kind === 'value-map') {
      data.keys.push(ints);
      data.values.push(objects());
      data.newValues.push(objects());
    } else {
      // Fresh key objects per round: a library may hang state on its keys (ref caches...).
      data.keys.push(objects());
      data.values.push(ints);
      data.newValues.push(ints.map((i) => i + 1));
    }
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
  const record = (op: Op, nanoseconds: number) => book.add(cell(op), nanoseconds / total);
  const check = (op: Op, got: number) => {
    if (got !== total) book.problem(cell(op), `${op} counted ${got} of ${total}`);
  };

  let data: ReturnType<typeof makeData> | undefined = makeData(subject, n, reps);
  const containers = Array.from({ length: reps }, () => subject.make({ fired: 0 }));
  const eachContainer = (body: (c: unknown, r: number) => number | undefined) => {
    let count = 0;
    for (let r = 0; r < reps; r++) count += body(containers[r], r) ?? 0;
    return count;
  };
  const before = heapAfterGc();

  record(
    'set',
    timeOnce(() => eachContainer((c, r) => loop.fill!(c, data!.keys[r], data!.values[r]))),
  );
  // The first collection and its cleanup, timed: a design that defers work from set (a
  // registration until the entry survives a collection, say) pays for it here. Memory is
  // read after that cleanup, so deferred cells count too.
  const settleStart = now();
  await collectAndSettle();
  record('settle', now() - settleStart);
  book.add(cell('memory'), Math.max(0, heapAfterGc() - before) / total);

  // Reads run once untimed, then READ_PASSES times, each after a task boundary (which drops
  // the targets deref() kept), keeping the fastest: the read itself, not the aftermath of the
  // forced collection before it (cold caches, sweeper threads) nor a neighbour's burst.
  for (const op of ['get', 'has', 'iterate', 'values', 'keys', 'forEach'] as const) {
    if (!ops.includes(op)) continue;
    const read = loop[op]!;
    const pass = () => eachContainer((c, r) => read(c, data!.keys[r]));
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
    timeOnce(() => eachContainer((c, r) => loop.fill!(c, data!.keys[r], data!.newValues[r]))),
  );
  await quietGc();

  let removed = 0;
  record(
    'delete',
    timeOnce(() => (removed = eachContainer((c, r) => loop.remove!(c, data!.keys[r])))),
  );
  check('delete', removed);
  await quietGc();

  if (ops.includes('reclaim')) await reclaimRound(subject, n, book, data);
  data = undefined;
  containers.length = 0;
  await churnRound(subject, n, book);
}

// Between timed phases: end the task (drops kept WeakRef targets) and collect, untimed.
async function quietGc(): Promise<void> {
  await nextTurn();
  fullGc();
}

/**
 * Time from a full collection until the container has dropped D dead entries while N live
 * ones stay. A good design costs O(D) here; one that rescans costs O(N) per cleanup.
 */
async function reclaimRound(
  subject: Subject,
  n: number,
  book: SampleBook,
  data: ReturnType<typeof makeData>,
): Promise<void> {
  const { loop } = subject;
  const dead = Math.min(DEAD, n);
  const container = subject.make({ fired: 0 });
  loop.fill!(container, data.keys[0], data.values[0]);
  // The N live entries are settled first (a collection has seen them), so what is timed is
  // the D that die, not the first collection of the N (that is `settle`).
  await collectAndSettle();
  loop.fillDying!(container, dead, n);
  await quietGc();
  const start = now();
  let turns = 0;
  while (loop.size!(container) > n && turns < RECLAIM_TURNS) {
    await nextTurn();
    turns++;
  }
  const elapsed = now() - start;
  const cell = {
    suite: subject.kind,
    n,
    subject: subject.name,
    role: subject.role,
    op: 'reclaim',
  } as const;
  book.add(cell, loop.size!(container) <= n ? elapsed / dead : Number.NaN);
}

/**
 * Sustained throughput while entries keep dying: batches of N writes whose weak part dies
 * at once, each followed by a forced collection and the cleanup turns, all timed.
 */
async function churnRound(subject: Subject, n: number, book: SampleBook): Promise<void> {
  let container: unknown = subject.make({ fired: 0 });
  await quietGc();
  const start = now();
  for (let b = 0; b < CHURN_BATCHES; b++) {
    subject.loop.fillDying!(container, n, 0);
    await collectAndSettle();
  }
  const elapsed = now() - start;
  container = undefined;
  const cell = {
    suite: subject.kind,
    n,
    subject: subject.name,
    role: subject.role,
    op: 'churn',
  } as const;
  book.add(cell, elapsed / (CHURN_BATCHES * n));
}
