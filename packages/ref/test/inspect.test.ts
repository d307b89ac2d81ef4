import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { KeyedRef, Ref, ref, WeakMethod } from '../src';

class Node {
  constructor(readonly id: number) {}
}

class Counter {
  n = 0;
  increment(): void {
    this.n++;
  }
}

// Each referent dies once these return: only the refs refer to it.
const deadRef = () => new Ref(new Node(1));
const deadKeyedRef = () => new KeyedRef(new Node(1), undefined, 'gone');
const deadMethod = () => new WeakMethod(new Counter(), 'increment');

describe('util.inspect and console.log', () => {
  it.runIf(hasNodeApis)('show a Ref alive with its referent, or dead', async () => {
    const { inspect } = await import('node:util');
    const node = new Node(1);
    expect(inspect(ref(node))).toBe('Ref { <alive> Node { id: 1 } }');
    const dead = deadRef();
    await collectGarbage();
    expect(inspect(dead)).toBe('Ref { <dead> }');
  });

  it.runIf(hasNodeApis)(
    'show a KeyedRef with its key, and a WeakMethod with its method',
    async () => {
      const { inspect } = await import('node:util');
      const node = new Node(1);
      const counter = new Counter();
      expect(inspect(new KeyedRef(node, undefined, 'a'))).toBe(
        "KeyedRef { <alive> Node { id: 1 }, key: 'a' }",
      );
      expect(inspect(new WeakMethod(counter, 'increment'))).toBe(
        'WeakMethod { <alive> Counter { n: 0 }, method: [Function: increment] }',
      );
      const [keyed, method] = [deadKeyedRef(), deadMethod()];
      await collectGarbage();
      expect(inspect(keyed)).toBe("KeyedRef { <dead>, key: 'gone' }");
      expect(inspect(method)).toBe('WeakMethod { <dead> }');
    },
  );

  it.runIf(hasNodeApis)('count the referent one level down, then show [Ref]', async () => {
    const { inspect } = await import('node:util');
    const r = ref({ child: { grandchild: {} } });
    expect(inspect(r)).toBe('Ref { <alive> { child: { grandchild: {} } } }');
    expect(inspect({ level1: r })).toBe('{ level1: Ref { <alive> { child: [Object] } } }');
    expect(inspect({ level1: { level2: r } })).toBe(
      '{ level1: { level2: Ref { <alive> [Object] } } }',
    );
    expect(inspect({ level1: { level2: { level3: r } } })).toBe(
      '{ level1: { level2: { level3: [Ref] } } }',
    );
  });

  it.runIf(hasNodeApis)(
    'honour colors, breakLength and subclasses; a cycle is [Circular]',
    async () => {
      const { inspect } = await import('node:util');
      const node = new Node(1);
      expect(inspect(ref(node), { colors: true })).toBe(
        'Ref { \x1b[36m<alive>\x1b[39m Node { id: \x1b[33m1\x1b[39m } }',
      );
      expect(inspect(ref(node), { breakLength: 20 })).toBe(
        'Ref {\n  <alive> Node {\n    id: 1\n  }\n}',
      );
      class ParentRef extends Ref<Node> {}
      expect(inspect(new ParentRef(node))).toBe('ParentRef [Ref] { <alive> Node { id: 1 } }');
      const parent: { self?: Ref } = {};
      parent.self = ref(parent);
      expect(inspect(parent.self, { depth: Infinity })).toBe(
        'Ref { <alive> { self: [Circular] } }',
      );
    },
  );
});

describe('String() and Symbol.toStringTag agree with the inspection', () => {
  it('show the inspection at depth 0, Python repr style', async () => {
    const node = new Node(1);
    const counter = new Counter();
    expect(String(ref(node))).toBe('Ref { <alive> [Node] }');
    expect(String(new KeyedRef(node, undefined, 7))).toBe('KeyedRef { <alive> [Node], key: 7 }');
    expect(String(new WeakMethod(counter, counter.increment))).toBe(
      'WeakMethod { <alive> [Counter], method: [Function: increment] }',
    );
    const dead = deadRef();
    await collectGarbage();
    expect(String(dead)).toBe('Ref { <dead> }');
  });

  it('tag each class with its own name', () => {
    const node = new Node(1);
    const tags = [
      ref(node),
      new KeyedRef(node, undefined, 1),
      new WeakMethod(new Counter(), 'increment'),
    ];
    expect(tags.map((r) => Object.prototype.toString.call(r))).toEqual([
      '[object Ref]',
      '[object KeyedRef]',
      '[object WeakMethod]',
    ]);
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('hands the referent and key to the inspect it is given, one level down', async () => {
    const node = new Node(1);
    expect(ref(node)[inspectCustom](2, {}, fakeInspect)).toBe('Ref { <alive> Node @1 }');
    expect(new KeyedRef(node, undefined, 'k')[inspectCustom](null, {}, fakeInspect)).toBe(
      "KeyedRef { <alive> Node @null, key: 'k' @null }",
    );
    expect(ref(node)[inspectCustom](-1, {}, fakeInspect)).toBe('[Ref]');
    const method = deadMethod();
    await collectGarbage();
    expect(method[inspectCustom](2, {}, fakeInspect)).toBe('WeakMethod { <dead> }');
  });
});
