import { collect, collectAndSettle, heapAfterGc, timeChurn, timeEach, timeUntil } from '../harness';
import { CHURN_BATCHES, DEAD, RECLAIM_TURNS } from '../ops';
import type { Round } from './record';

/** One round: create, memory, deref, reclaim (callback refs), churn. */
export const refRound: Round = async (subject, n, reps, { record, check }) => {
  const counter = { fired: 0 };
  const ctx = subject.make(counter);
  const { loop } = subject;

  // Fresh targets every round: ref(o) without a callback returns a cached ref for a target it has seen.
  let targets = Array.from({ length: reps }, () => Array.from({ length: n }, (_, i) => ({ i })));
  let refs = Array.from({ length: reps }, () => new Array<unknown>(n).fill(null));
  const before = heapAfterGc();
  record('create', timeEach(reps, (r) => loop.create!(ctx, targets[r], refs[r])).ns);
  await collectAndSettle(); // memory after the first cleanup, as for containers
  record('memory', Math.max(0, heapAfterGc() - before));

  const live = timeEach(reps, (r) => loop.deref!(refs[r]));
  record('deref', live.ns);
  check('deref', live.count);
  await collect();

  if (subject.ops.includes('reclaim')) {
    // From a collection until D callbacks ran, with N live callback refs around.
    const dead = Math.min(DEAD, n);
    const dying = new Array<unknown>(dead).fill(null);
    await collectAndSettle();
    counter.fired = 0;
    loop.createDying!(ctx, dying);
    const reclaimed = await timeUntil(() => counter.fired >= dead, RECLAIM_TURNS);
    record('reclaim', reclaimed.ns, dead);
  }

  // Churn: batches of N refs to targets that die at once; each batch's refs live through
  // its collection (a droppable callback would otherwise go with its ref).
  targets = [];
  refs = [];
  let out: unknown[] = [];
  const churn = await timeChurn(CHURN_BATCHES, () => {
    out = new Array<unknown>(n).fill(null);
    loop.createDying!(ctx, out);
  });
  record('churn', churn, CHURN_BATCHES * n);
  out.length = 0;
};
