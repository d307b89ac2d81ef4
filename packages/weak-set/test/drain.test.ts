import { expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

const N = 100_000;

// Milliseconds to empty a set of N live members with `empty`, the best of three rounds.
function timeToEmpty(empty: (set: IterableWeakSet<object>, members: object[]) => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const members = Array.from({ length: N }, (_, i) => ({ i }));
    const set = new IterableWeakSet(members);
    const start = performance.now();
    empty(set, members);
    best = Math.min(best, performance.now() - start);
    expect(set.size).toBe(0);
  }
  return best;
}

it('pop() drains in O(1) amortized: about what deleting every member costs', () => {
  const byDelete = timeToEmpty((set, members) => {
    for (const member of members) set.delete(member);
  });
  const byPop = timeToEmpty((set) => {
    for (let i = 0; i < N; i++) set.pop();
  });
  // Loose, for a loaded machine (the soak checks ≤ 3x): skipping the holes that deletes leave
  // at the front of a Set made this 14x.
  expect(byPop).toBeLessThan(8 * byDelete);
});

it('pop() returns the members oldest first', () => {
  const members = Array.from({ length: 5 }, (_, i) => ({ i }));
  const set = new IterableWeakSet(members);
  set.delete(members[0]!);
  set.add(members[0]!);
  expect(Array.from({ length: 5 }, () => set.pop())).toEqual([...members.slice(1), members[0]]);
});
