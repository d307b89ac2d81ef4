import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { WeakCache } from '../src';

class Node {
  constructor(readonly id: number) {}
}

// 'gone' is weak and dies once this returns: only the cache refers to it.
function withDyingEntry(kept: Node): WeakCache<string, Node> {
  const cache = new WeakCache<string, Node>({ strong: 1 });
  return cache.set('gone', new Node(2)).set('kept', kept);
}

describe('util.inspect and console.log', () => {
  it.runIf(hasNodeApis)(
    'show the live entries most recently used first, then how many are strong',
    async () => {
      const { inspect } = await import('node:util');
      const cache = new WeakCache<string, Node>({ strong: 1 });
      const nodes = [new Node(1), new Node(2)];
      cache.set('a', nodes[0]!).set('b', nodes[1]!);
      expect(inspect(cache, { breakLength: 200 })).toBe(
        "WeakCache(2) { 'b' => Node { id: 2 }, 'a' => Node { id: 1 }, strongSize: 1 }",
      );
      expect(inspect(new WeakCache({ strong: 3 }))).toBe('WeakCache(0) { strongSize: 0 }');
      // Inspecting is not a use.
      expect([...cache.keys()]).toEqual(['b', 'a']);
      expect(cache.strongSize).toBe(1);
    },
  );

  it.runIf(hasNodeApis)('format as a Map of the live entries, whatever the options', async () => {
    const { inspect } = await import('node:util');
    const cache = new WeakCache<unknown, object>({ strong: 2 });
    cache
      .set('c', new Node(3))
      .set(2, [1, 2, 3])
      .set('a', { deep: { deeper: { deepest: {} } } });
    const asMap = (options?: object) => {
      const map = new Map(cache);
      Object.defineProperty(map, 'strongSize', { value: 2, enumerable: true });
      return inspect(map, options).replace(/^Map\(3\)/, 'WeakCache(3)');
    };
    for (const options of [
      undefined,
      { depth: 0 },
      { depth: null },
      { colors: true },
      { compact: false },
      { breakLength: 20 },
      { sorted: true },
    ]) {
      expect(inspect(cache, options), JSON.stringify(options)).toBe(asMap(options));
    }
  });

  it.runIf(hasNodeApis)('leave out an entry once its value is collected', async () => {
    const { inspect } = await import('node:util');
    const kept = new Node(1);
    const cache = withDyingEntry(kept);
    await collectGarbage();
    expect(inspect(cache)).toBe("WeakCache(1) { 'kept' => Node { id: 1 }, strongSize: 1 }");
  });

  it.runIf(hasNodeApis)(
    'name a subclass, and show a cache met inside itself as [Circular]',
    async () => {
      const { inspect } = await import('node:util');
      class Docs extends WeakCache<string, object> {}
      const docs = new Docs({ strong: 1 });
      const holder: { docs?: unknown } = {};
      docs.set('holder', holder);
      holder.docs = docs;
      expect(inspect(docs, { depth: Infinity })).toBe(
        "Docs(1) [WeakCache] { 'holder' => { docs: [Circular] }, strongSize: 1 }",
      );
      expect(inspect({ a: { b: { c: docs } } })).toBe('{ a: { b: { c: [Docs] } } }');
    },
  );

  it.runIf(hasNodeApis)('keep nothing alive', async () => {
    const { inspect } = await import('node:util');
    const cache = new WeakCache<string, Node>({ strong: 0 });
    const value = (() => {
      const node = new Node(1);
      cache.set('a', node);
      inspect(cache);
      return new WeakRef(node);
    })();
    await collectGarbage();
    expect([value.deref(), cache.size]).toEqual([undefined, 0]);
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('hands the live entries to the inspect it is given, under its own name', async () => {
    const kept = new Node(1);
    const cache = withDyingEntry(kept);
    await collectGarbage();
    expect(cache[inspectCustom](2, {}, fakeInspect)).toBe("WeakCache(1) { 'kept' => Node } @2");
    expect(cache[inspectCustom](-1, {}, fakeInspect)).toBe('[WeakCache]');
  });
});
