import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

class Node {
  constructor(readonly id: number) {}
}

// 'gone' dies once this returns: only the map refers to it.
function withDyingEntry(kept: Node): WeakValueMap<string, Node> {
  return new WeakValueMap([
    ['kept', kept],
    ['gone', new Node(2)],
  ]);
}

describe('util.inspect and console.log', () => {
  it.runIf(hasNodeApis)('show the size and the live entries, as a Map does', async () => {
    const { inspect } = await import('node:util');
    const map = new WeakValueMap([
      ['a', new Node(1)],
      ['b', new Node(2)],
    ]);
    expect(inspect(map)).toBe("WeakValueMap(2) { 'a' => Node { id: 1 }, 'b' => Node { id: 2 } }");
    expect(inspect(new WeakValueMap())).toBe('WeakValueMap(0) {}');
  });

  it.runIf(hasNodeApis)('leave out an entry once its value is collected', async () => {
    const { inspect } = await import('node:util');
    const kept = new Node(1);
    const map = withDyingEntry(kept);
    await collectGarbage();
    expect(inspect(map)).toBe("WeakValueMap(1) { 'kept' => Node { id: 1 } }");
    expect(map.get('kept')).toBe(kept);
  });

  it.runIf(hasNodeApis)(
    'format exactly as a Map of the live entries, whatever the options',
    async () => {
      const { inspect } = await import('node:util');
      const map = new WeakValueMap<unknown, object>([
        ['a', { deep: { deeper: { deepest: {} } } }],
        [2, [1, 2, 3]],
        ['c', new Node(3)],
      ]);
      const asMap = (options?: object) =>
        inspect(new Map(map), options).replace(/^Map\(3\)/, 'WeakValueMap(3)');
      for (const options of [
        undefined,
        { depth: 0 },
        { depth: null },
        { colors: true },
        { compact: false },
        { breakLength: 20 },
        { maxArrayLength: 1 },
        { sorted: true },
      ]) {
        expect(inspect(map, options), JSON.stringify(options)).toBe(asMap(options));
      }
    },
  );

  it.runIf(hasNodeApis)('count depth as for a Map: nested, then [WeakValueMap]', async () => {
    const { inspect } = await import('node:util');
    const map = new WeakValueMap([['a', { b: {} }]]);
    expect(inspect({ level1: map })).toBe("{ level1: WeakValueMap(1) { 'a' => { b: {} } } }");
    expect(inspect({ level1: { level2: map } })).toBe(
      "{ level1: { level2: WeakValueMap(1) { 'a' => [Object] } } }",
    );
    expect(inspect({ level1: { level2: { level3: map } } })).toBe(
      '{ level1: { level2: { level3: [WeakValueMap] } } }',
    );
  });

  it.runIf(hasNodeApis)('name a subclass as Node names a Map subclass', async () => {
    const { inspect } = await import('node:util');
    class Cache extends WeakValueMap<string, Node> {}
    expect(inspect(new Cache([['a', new Node(1)]]))).toBe(
      "Cache(1) [WeakValueMap] { 'a' => Node { id: 1 } }",
    );
  });

  it.runIf(hasNodeApis)('show a map met inside itself as [Circular], at any depth', async () => {
    const { inspect } = await import('node:util');
    const holder: { map?: unknown } = {};
    const map = new WeakValueMap([['holder', holder]]);
    holder.map = map;
    expect(inspect(map, { depth: Infinity })).toBe(
      "WeakValueMap(1) { 'holder' => { map: [Circular] } }",
    );
  });

  it.runIf(hasNodeApis)('keep nothing alive', async () => {
    const { inspect } = await import('node:util');
    const inspected = (): WeakRef<Node> => {
      const value = new Node(1);
      inspect(new WeakValueMap([['a', value]]));
      return new WeakRef(value);
    };
    const map = new WeakValueMap<string, Node>();
    const value = (() => {
      const node = new Node(1);
      map.set('a', node);
      inspect(map);
      return new WeakRef(node);
    })();
    const other = inspected();
    await collectGarbage();
    expect([value.deref(), other.deref(), map.size]).toEqual([undefined, undefined, 0]);
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('hands the live entries to the inspect it is given, under its own name', async () => {
    const kept = new Node(1);
    const map = withDyingEntry(kept);
    await collectGarbage();
    expect(map[inspectCustom](2, {}, fakeInspect)).toBe("WeakValueMap(1) { 'kept' => Node } @2");
    expect(map.get('kept')).toBe(kept);
    expect(map[inspectCustom](-1, {}, fakeInspect)).toBe('[WeakValueMap]');
  });
});
