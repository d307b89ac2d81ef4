import type { BenchConfig } from '../config';
import { bytesPerEntry, heapAfterGc } from '../harness/memory';
import { collectAndSettle, fullGc, nextTurn, now, timeAsync, timeOnce } from '../harness/timing';
import type { ContainerSubject } from '../subjects/subject';
import type { Op, SampleBook } from './result';

/** Collections are the slow part of churn: a few batches of N are enough. */
export const CHURN_BATCHES = 3;

/** Timed passes per read (get, has, iterate) and round; the fastest one counts. */
const READ_PASSES = 3;

/** Keys and values for `reps` containers of `n` entries, created before any timing. */
interface Data {
  keys: unknown[][];
  values: unknown[][];
  newValues: unknown[][];
}

function makeData(subject: ContainerSubject, n: number, reps: number): Data {
  const data: Data = { keys: [], values: [], newValues: [] };
  const ints = Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < reps; r++) {
    if (subject.kind === 'value-map') {
      data.keys.push(ints);
      data.values.push(Array.from({ length: n }, (_, i) => ({ i })));
      data.newValues.push(Array.from({ length: n }, (_, i) => ({ i })));
    } else {
      // Fresh key objects per round: a library may hang state on its keys (ref caches...).
      data.keys.push(Array.from({ length: n }, (_, i) => ({ i })));
      data.values.push(ints);
      data.newValues.push(ints.map((i) => i + 1));
    }
  }
  return data;
}

/**
 * A tiny container with one live entry, kept for the whole suite (see `keepAlive` in
 * run-suite.ts): V8 frees a class's instance maps once every instance has died, and drops
 * the optimized code that embeds them, so without a survivor every round would time a JS
 * library's JIT warm-up again while built-ins (whose maps never die) run warm code.
 */
export function anchorContainer(subject: ContainerSubject): unknown {
  const data = makeData(subject, 1, 1);
  const container = subject.create();
  subject.loops.fill(container, data.keys[0] as unknown[], data.values[0] as unknown[]);
  return { container, data };
}

/** One round of every operation for one subject at one size. */
export async function containerRound(
  subject: ContainerSubject,
  n: number,
  config: BenchConfig,
  book: SampleBook,
): Promise<void> {
  const reps = Math.max(1, Math.ceil(config.minOpsPerSample / n));
  const total = reps * n;
  const { loops } = subject;
  const base = { suite: subject.kind, n, subject: subject.name, role: subject.role } as const;
  const record = (op: Op, nanoseconds: number) =>
    book.add({ ...base, op, unit: 'ns/op' }, nanoseconds / total);
  const check = (op: Op, got: number) => {
    if (got !== total) book.problem({ ...base, op }, `${op} counted ${got} of ${total}`);
  };

  let data: Data | undefined = makeData(subject, n, reps);
  const containers = Array.from({ length: reps }, () => subject.create());
  const before = heapAfterGc();

  record(
    'set',
    timeOnce(() => {
      for (let r = 0; r < reps; r++)
        loops.fill(containers[r], data!.keys[r] as unknown[], data!.values[r] as unknown[]);
    }),
  );
  // The first collection and its cleanup, timed: a design that defers work from set (a
  // registration until the entry survives a collection, say) pays for it here. Memory is
  // read after that cleanup, so deferred cells count too.
  record('settle', await timeAsync(() => collectAndSettle()));
  book.add({ ...base, op: 'memory', unit: 'B/entry' }, bytesPerEntry(before, heapAfterGc(), total));

  // Reads run once untimed, then timed READ_PASSES times, each after a task boundary (which
  // drops the targets deref() kept), keeping the fastest: the figure is the read itself, not
  // the aftermath of the forced collection before it (cold caches, sweeper threads, which
  // grow with the whole heap) nor a neighbour's burst on this shared machine.
  const timeRead = async (op: Op, pass: (container: unknown, keys: unknown[]) => number) => {
    const run = () => {
      let count = 0;
      for (let r = 0; r < reps; r++) count += pass(containers[r], data!.keys[r] as unknown[]);
      return count;
    };
    let count = run();
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < READ_PASSES; i++) {
      await nextTurn();
      fastest = Math.min(
        fastest,
        timeOnce(() => {
          count = run();
        }),
      );
    }
    check(op, count);
    record(op, fastest);
    await settleQuietly();
  };
  if (loops.get) await timeRead('get', loops.get);
  await timeRead('has', loops.has);
  for (const walk of ['iterate', 'values', 'keys', 'forEach'] as const) {
    const loop = loops[walk];
    if (loop) await timeRead(walk, (container) => loop(container));
  }

  record(
    'replace',
    timeOnce(() => {
      for (let r = 0; r < reps; r++)
        loops.fill(containers[r], data!.keys[r] as unknown[], data!.newValues[r] as unknown[]);
    }),
  );
  await settleQuietly();

  let removed = 0;
  record(
    'delete',
    timeOnce(() => {
      for (let r = 0; r < reps; r++)
        removed += loops.remove(containers[r], data!.keys[r] as unknown[]);
    }),
  );
  check('delete', removed);
  await settleQuietly();

  if (loops.size) await reclaimRound(subject, n, config, book, data);
  data = undefined;
  containers.length = 0;
  await churnRound(subject, n, book);
}

// Between timed phases: end the task (drops kept WeakRef targets) and collect, untimed.
async function settleQuietly(): Promise<void> {
  await nextTurn();
  fullGc();
}

/**
 * Time from a full collection until the container has dropped D dead entries while N live
 * ones stay. A good design costs O(D) here; a design that rescans costs O(N) per cleanup.
 */
async function reclaimRound(
  subject: ContainerSubject,
  n: number,
  config: BenchConfig,
  book: SampleBook,
  data: Data,
): Promise<void> {
  const { loops } = subject;
  const size = loops.size as (c: unknown) => number;
  const dead = Math.min(config.dead, n);
  const container = subject.create();
  loops.fill(container, data.keys[0] as unknown[], data.values[0] as unknown[]);
  // The N live entries are settled first (a collection has seen them), so what is timed is
  // the D that die, not the first collection of the N (that is `settle`).
  await collectAndSettle();
  loops.fillDying(container, dead, n);
  await nextTurn();
  fullGc();
  const start = now();
  let turns = 0;
  while (size(container) > n && turns < 1000) {
    await nextTurn();
    turns++;
  }
  const elapsed = now() - start;
  const reclaimed = size(container) <= n;
  book.add(
    {
      suite: subject.kind,
      n,
      subject: subject.name,
      role: subject.role,
      op: 'reclaim',
      unit: 'ns/dead',
    },
    reclaimed ? elapsed / dead : Number.NaN,
  );
}

/**
 * Sustained throughput while entries keep dying: batches of N sets whose weak part dies
 * at once, each followed by a forced collection and a fixed number of cleanup turns.
 * The GC and cleanup time is part of the figure (that is the point of this row).
 */
async function churnRound(subject: ContainerSubject, n: number, book: SampleBook): Promise<void> {
  const batches = CHURN_BATCHES;
  let container: unknown = subject.create();
  await nextTurn();
  fullGc();
  const start = now();
  for (let b = 0; b < batches; b++) {
    subject.loops.fillDying(container, n, 0);
    await collectAndSettle();
  }
  const elapsed = now() - start;
  container = undefined;
  book.add(
    {
      suite: subject.kind,
      n,
      subject: subject.name,
      role: subject.role,
      op: 'churn',
      unit: 'ns/op',
    },
    elapsed / (batches * n),
  );
}
