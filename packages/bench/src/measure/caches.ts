import { collect, nextTurn, timeEach } from '../harness';
import { READ_PASSES } from '../ops';
import type { Round } from './record';

/**
 * One round of the cache suite at size `n`: `set` of n new keys into caches whose strong
 * size is n (nothing demoted or evicted), hot `get`s of them, then `evict`: n new keys into
 * caches whose strong size is n/10. Values stay alive (the round holds them), as values a
 * program still uses.
 */
export const cacheRound: Round = async (subject, n, reps, { record, check }) => {
  const { loop } = subject;
  const keys = Array.from({ length: n }, (_, i) => i);
  const values = Array.from({ length: reps }, () => Array.from({ length: n }, (_, i) => ({ i })));
  const make = (capacity: number) =>
    Array.from({ length: reps }, () => subject.make({ fired: 0, capacity }));

  let caches = make(n);
  await collect();
  record('set', timeEach(reps, (r) => loop.fill!(caches[r], keys, values[r])).ns);

  // As the container reads: once untimed, then the fastest of READ_PASSES, each in a new task.
  const pass = () => timeEach(reps, (r) => loop.get!(caches[r], keys));
  let { count } = pass();
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < READ_PASSES; i++) {
    await nextTurn();
    const timed = pass();
    fastest = Math.min(fastest, timed.ns);
    count = timed.count;
  }
  check('get', count);
  record('get', fastest);

  caches = make(Math.max(1, Math.floor(n / 10)));
  await collect();
  record('evict', timeEach(reps, (r) => loop.fill!(caches[r], keys, values[r])).ns);
  caches.length = 0;
  await collect();
};
