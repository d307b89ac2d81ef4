import type { BenchConfig } from '../config';
import { collectAndSettle, fullGc, heapAfterGc, nextTurn, now, timeOnce } from '../harness';
import { CHURN_BATCHES, DEAD, type Op, RECLAIM_TURNS } from '../ops';
import type { Subject } from '../subjects';
import type { SampleBook } from './record';

/** A live ref (and its target) kept for the whole suite: see `anchorContainer`. */
export function anchorRef(subject: Subject): unknown {
  const ctx = subject.make({ fired: 0 });
  const targets = [{ i: 0 }];
  const refs: unknown[] = [null];
  subject.loop.create!(ctx, targets, refs);
  return { ctx, targets, refs };
}

/** One round: create, memory, deref, reclaim (callback refs), churn. */
export async function refRound(
  subject: Subject,
  n: number,
  config: BenchConfig,
  book: SampleBook,
): Promise<void> {
  const reps = Math.max(1, Math.ceil(config.minOpsPerSample / n));
  const total = reps * n;
  const counter = { fired: 0 };
  const ctx = subject.make(counter);
  const { loop } = subject;
  const cell = (op: Op) => ({
    suite: 'ref' as const,
    n,
    subject: subject.name,
    role: subject.role,
    op,
  });
  const record = (op: Op, nanoseconds: number) => book.add(cell(op), nanoseconds / total);

  // Fresh targets every round: ref(o) without a callback returns a cached ref for a target it has seen.
  const targets = Array.from({ length: reps }, () => Array.from({ length: n }, (_, i) => ({ i })));
  const refs = Array.from({ length: reps }, () => new Array<unknown>(n).fill(null));
  const before = heapAfterGc();
  record(
    'create',
    timeOnce(() => {
      for (let r = 0; r < reps; r++) loop.create!(ctx, targets[r], refs[r]);
    }),
  );
  await collectAndSettle(); // memory after the first cleanup, as for containers
  book.add(cell('memory'), Math.max(0, heapAfterGc() - before) / total);

  let live = 0;
  record(
    'deref',
    timeOnce(() => {
      for (let r = 0; r < reps; r++) live += loop.deref!(refs[r]);
    }),
  );
  if (live !== total) book.problem(cell('deref'), `deref found ${live} of ${total} live`);
  await nextTurn();
  fullGc();

  if (subject.ops.includes('reclaim')) {
    // Time from a collection until D callbacks ran, with N live callback refs around.
    const dead = Math.min(DEAD, n);
    const dying = new Array<unknown>(dead).fill(null);
    await collectAndSettle();
    counter.fired = 0;
    loop.createDying!(ctx, dying);
    await nextTurn();
    fullGc();
    const start = now();
    let turns = 0;
    while (counter.fired < dead && turns < RECLAIM_TURNS) {
      await nextTurn();
      turns++;
    }
    book.add(cell('reclaim'), counter.fired >= dead ? (now() - start) / dead : Number.NaN);
  }

  // Churn: batches of N refs (kept) to targets that die at once, each batch collected.
  targets.length = 0;
  refs.length = 0;
  await nextTurn();
  fullGc();
  const start = now();
  for (let b = 0; b < CHURN_BATCHES; b++) {
    const out = new Array<unknown>(n).fill(null); // the refs live through their collection
    loop.createDying!(ctx, out);
    await collectAndSettle();
  }
  book.add(cell('churn'), (now() - start) / (CHURN_BATCHES * n));
}
