import type { BenchConfig } from '../config';
import { bytesPerEntry, heapAfterGc } from '../harness/memory';
import { collectAndSettle, fullGc, nextTurn, now, timeOnce } from '../harness/timing';
import type { RefSubject } from '../subjects/subject';
import { CHURN_BATCHES } from './container-suite';
import type { Op, SampleBook } from './result';

/** A live ref (and its target) kept for the whole suite: see `anchorContainer`. */
export function anchorRef(subject: RefSubject): unknown {
  const ctx = subject.setup({ fired: 0 });
  const targets = [{ i: 0 }];
  const refs: unknown[] = [null];
  subject.loops.create(ctx, targets, refs);
  return { ctx, targets, refs };
}

/** One round: create, deref, memory, reclaim (callback refs), churn. */
export async function refRound(
  subject: RefSubject,
  n: number,
  config: BenchConfig,
  book: SampleBook,
): Promise<void> {
  const reps = Math.max(1, Math.ceil(config.minOpsPerSample / n));
  const total = reps * n;
  const counter = { fired: 0 };
  const ctx = subject.setup(counter);
  const { loops } = subject;
  const base = { suite: 'ref', n, subject: subject.name, role: subject.role } as const;
  const record = (op: Op, nanoseconds: number) =>
    book.add({ ...base, op, unit: 'ns/op' }, nanoseconds / total);

  // Fresh targets every round: ref(o) without a callback returns a cached ref for a target it has seen.
  const targets = Array.from({ length: reps }, () => Array.from({ length: n }, (_, i) => ({ i })));
  const refs = Array.from({ length: reps }, () => new Array<unknown>(n).fill(null));
  const before = heapAfterGc();

  record(
    'create',
    timeOnce(() => {
      for (let r = 0; r < reps; r++)
        loops.create(ctx, targets[r] as object[], refs[r] as unknown[]);
    }),
  );
  await collectAndSettle(); // memory after the first cleanup, as for containers
  book.add({ ...base, op: 'memory', unit: 'B/entry' }, bytesPerEntry(before, heapAfterGc(), total));

  let live = 0;
  record(
    'deref',
    timeOnce(() => {
      for (let r = 0; r < reps; r++) live += loops.deref(refs[r] as unknown[]);
    }),
  );
  if (live !== total)
    book.problem({ ...base, op: 'deref' }, `deref found ${live} of ${total} live`);
  await nextTurn();
  fullGc();

  if (subject.hasCallback) {
    // Time from a collection until D callbacks ran, with N live callback refs around.
    const dead = Math.min(config.dead, n);
    const dying = new Array<unknown>(dead).fill(null);
    await collectAndSettle();
    counter.fired = 0;
    loops.createDying(ctx, dying);
    await nextTurn();
    fullGc();
    const start = now();
    let turns = 0;
    while (counter.fired < dead && turns < 1000) {
      await nextTurn();
      turns++;
    }
    const elapsed = now() - start;
    book.add(
      { ...base, op: 'reclaim', unit: 'ns/dead' },
      counter.fired >= dead ? elapsed / dead : Number.NaN,
    );
  }

  // Churn: batches of N refs (kept) to targets that die at once, each batch collected.
  targets.length = 0;
  refs.length = 0;
  const batches = CHURN_BATCHES;
  await nextTurn();
  fullGc();
  const start = now();
  for (let b = 0; b < batches; b++) {
    const out = new Array<unknown>(n).fill(null);
    loops.createDying(ctx, out);
    await collectAndSettle();
  }
  book.add({ ...base, op: 'churn', unit: 'ns/op' }, (now() - start) / (batches * n));
}
