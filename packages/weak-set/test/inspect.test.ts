import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

class Node {
  constructor(readonly id: number) {}
}

// The second member dies once this returns: only the set refers to it.
function withDyingMember(kept: Node): IterableWeakSet<Node> {
  return new IterableWeakSet([kept, new Node(2)]);
}

describe('util.inspect and console.log', () => {
  it.runIf(hasNodeApis)('show the size and the live members, as a Set does', async () => {
    const { inspect } = await import('node:util');
    const kept = new Node(1);
    const set = withDyingMember(kept);
    expect(inspect(set)).toBe('IterableWeakSet(2) { Node { id: 1 }, Node { id: 2 } }');
    await collectGarbage();
    expect(inspect(set)).toBe('IterableWeakSet(1) { Node { id: 1 } }');
    expect(inspect(new IterableWeakSet())).toBe('IterableWeakSet(0) {}');
    expect(set.has(kept)).toBe(true);
  });

  it.runIf(hasNodeApis)('count depth as for a Set, and name a subclass after it', async () => {
    const { inspect } = await import('node:util');
    const member = { deep: { deeper: {} } };
    const set = new IterableWeakSet([member]);
    expect(inspect({ level1: set })).toBe('{ level1: IterableWeakSet(1) { { deep: [Object] } } }');
    expect(inspect({ level1: { level2: { level3: set } } })).toBe(
      '{ level1: { level2: { level3: [IterableWeakSet] } } }',
    );
    class Listeners extends IterableWeakSet<object> {}
    expect(inspect(new Listeners([member]), { depth: 0 })).toBe(
      'Listeners(1) [IterableWeakSet] { [Object] }',
    );
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('hands the live members to the inspect it is given, under its own name', async () => {
    const kept = new Node(1);
    const set = withDyingMember(kept);
    await collectGarbage();
    expect(set[inspectCustom](2, {}, fakeInspect)).toBe('IterableWeakSet(1) { Node } @2');
    expect(set.has(kept)).toBe(true);
  });
});
