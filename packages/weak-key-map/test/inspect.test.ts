import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

class Node {
  constructor(readonly id: number) {}
}

// The second key dies once this returns: only the map refers to it.
function withDyingKey(kept: Node): WeakKeyMap<Node, string> {
  return new WeakKeyMap([
    [kept, 'kept'],
    [new Node(2), 'gone'],
  ]);
}

describe('util.inspect and console.log', () => {
  it.runIf(hasNodeApis)('show the size and the live entries, as a Map does', async () => {
    const { inspect } = await import('node:util');
    const kept = new Node(1);
    const map = withDyingKey(kept);
    expect(inspect(map)).toBe(
      "WeakKeyMap(2) { Node { id: 1 } => 'kept', Node { id: 2 } => 'gone' }",
    );
    await collectGarbage();
    expect(inspect(map)).toBe("WeakKeyMap(1) { Node { id: 1 } => 'kept' }");
    expect(map.get(kept)).toBe('kept');
  });

  it.runIf(hasNodeApis)('count depth as for a Map, and name a subclass after it', async () => {
    const { inspect } = await import('node:util');
    const key = new Node(1);
    const map = new WeakKeyMap([[key, { value: { deep: {} } }]]);
    expect(inspect({ level1: map })).toBe(
      '{ level1: WeakKeyMap(1) { Node { id: 1 } => { value: [Object] } } }',
    );
    expect(inspect({ level1: { level2: { level3: map } } })).toBe(
      '{ level1: { level2: { level3: [WeakKeyMap] } } }',
    );
    class Metadata extends WeakKeyMap<Node, number> {}
    expect(inspect(new Metadata([[key, 1]]), { colors: true })).toBe(
      'Metadata(1) [WeakKeyMap] { Node { id: \x1b[33m1\x1b[39m } => \x1b[33m1\x1b[39m }',
    );
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('hands the live entries to the inspect it is given, under its own name', async () => {
    const kept = new Node(1);
    const map = withDyingKey(kept);
    await collectGarbage();
    expect(map[inspectCustom](1, {}, fakeInspect)).toBe("WeakKeyMap(1) { Node => 'kept' } @1");
    expect(map.get(kept)).toBe('kept');
  });
});
