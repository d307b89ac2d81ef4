// The test that docs/getting-started.md shows: it runs with the rest (vitest run).
// #region test
import { collectGarbage } from '@w/core/testing';
import { WeakValueMap } from '@w/weak-value-map';
import { expect, test } from 'vitest';

// The value that must die is made in a synchronous function: a suspended async function
// (the test itself) would keep its temporaries alive until it ends.
function cacheTemporary(cache: WeakValueMap<string, object>): void {
  cache.set('temporary', { name: 'temporary' });
}

test('a cache entry goes away once its value is collected', async () => {
  const cache = new WeakValueMap<string, object>();
  const kept = { name: 'kept' };
  cache.set('kept', kept);
  cacheTemporary(cache);

  await collectGarbage(); // collect, then wait until the cleanup has run

  expect([...cache.keys()]).toEqual(['kept']);
  expect(cache.size).toBe(1); // exact once cleanup has run
  expect(cache.get('kept')).toBe(kept); // what you still hold stays
});
// #endregion test
