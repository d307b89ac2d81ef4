import {
  collect,
  collectAndSettle,
  heapAfterGc,
  nextTurn,
  now,
  timeChurn,
  timeEach,
  timeUntil,
} from '../harness';
import { CHURN_BATCHES, DEAD, READ_PASSES, RECLAIM_TURNS } from '../ops';
import type { Subject } from '../subjects';
import type { Round } from './record';

const READS = ['get', 'has', 'iterate', 'values', 'keys', 'entries', 'forEach'] as const;

/** A new container of `subject` with one entry that lives as long as `live` does. */
export function holding(subject: Subject, live: object): unknown {
  const container = subject.make({ fired: 0 });
  // Value maps and caches: an int key no round uses (fillDying writes from 0).
  const intKeys = subject.kind === 'value-map' || subject.kind === 'cache';
  subject.loop.fill!(container, [intKeys ? -1 : live], [live]);
  return container;
}

/** Keys and values for `reps` containers of `n` entries, made before any timing. */
function makeData(subject: Subject, n: number, reps: number) {
  const ints = Array.from({ length: n }, (_, i) => i);
  const objects = () => Array.from({ length: n }, (_, i) => ({ i }));
  const perRep = <T>(make: () => T) => Array.from({ length: reps }, make);
  // Maps of values: int keys. Others: fresh key objects per round (a library may hang state
  // on its keys).
  if (subject.kind === 'value-map') {
    return { keys: perRep(() => ints), values: perRep(objects), newValues: perRep(objects) };
  }
  const newInts = ints.map((i) => i + 1);
  return { keys: perRep(objects), values: perRep(() => ints), newValues: perRep(() => newInts) };
}

/** One round of every op the subject lists, at size `n`. */
export const containerRound: Round = async (subject, n, reps, { record, check }) => {
  const { loop, ops } = subject;
  let data: ReturnType<typeof makeData> | undefined = makeData(subject, n, reps);
  const containers = Array.from({ length: reps }, () => subject.make({ fired: 0 }));
  const fill = (values: unknown[][]) =>
    timeEach(reps, (r) => loop.fill!(containers[r], data!.keys[r], values[r])).ns;
  const before = heapAfterGc();

  record('set', fill(data.values));
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
  for (const op of READS.filter((read) => ops.includes(read))) {
    const pass = () => timeEach(reps, (r) => loop[op]!(containers[r], data!.keys[r]));
    let { count } = pass();
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < READ_PASSES; i++) {
      await nextTurn();
      const timed = pass();
      fastest = Math.min(fastest, timed.ns);
      count = timed.count;
    }
    check(op, count);
    record(op, fastest);
    await collect();
  }

  record('replace', fill(data.newValues));
  await collect();
  const removed = timeEach(reps, (r) => loop.remove!(containers[r], data!.keys[r]));
  record('delete', removed.ns);
  check('delete', removed.count);
  await collect();

  if (ops.includes('reclaim')) {
    // D entries die among N live ones that a collection has already seen (their first
    // collection is `settle`): a good design costs O(D), one that rescans costs O(N).
    const dead = Math.min(DEAD, n);
    const container = subject.make({ fired: 0 });
    loop.fill!(container, data.keys[0], data.values[0]);
    await collectAndSettle();
    loop.fillDying!(container, dead, n);
    const reclaimed = await timeUntil(() => loop.size!(container) <= n, RECLAIM_TURNS);
    record('reclaim', reclaimed.ns, dead);
  }
  data = undefined;
  containers.length = 0;

  // Sustained writes while entries keep dying, collections and cleanup included.
  const container = subject.make({ fired: 0 });
  const churn = await timeChurn(CHURN_BATCHES, () => loop.fillDying!(container, n, 0));
  record('churn', churn, CHURN_BATCHES * n);
};
