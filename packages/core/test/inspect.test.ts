import { fakeInspect } from '@w/test-support/fake-inspect';
import { expect, describe as group, it } from 'vitest';
import {
  describe,
  type InspectOptions,
  inspectAs,
  inspectBriefly,
  inspectCollection,
  inspectCustom,
  inspectWithState,
} from '../src/inspect';

// The core formatting, with a fake `inspect`: it runs where `node:util` does not exist.
class Node {}
class Box {}
class Sub extends Box {}

const colors: InspectOptions = { stylize: (text, style) => `<${style}>${text}</${style}>` };

group('inspectCollection', () => {
  it('renames the Map or Set that inspect formats after the object, with its size', () => {
    const snapshot = new Map([['a', new Node()]]);
    expect(inspectCollection(new Box(), 'Box', snapshot, 2, {}, fakeInspect)).toBe(
      "Box(1) { 'a' => Node } @2",
    );
    const set = new Set([new Node(), new Node()]);
    expect(inspectCollection(new Box(), 'Box', set, 1, {}, fakeInspect)).toBe(
      'Box(2) { Node, Node } @1',
    );
  });

  it('names a subclass as Node does a Map subclass: `Sub(0) [Box] {}`', () => {
    expect(inspectCollection(new Sub(), 'Box', new Map(), 2, {}, fakeInspect)).toBe(
      'Sub(0) [Box] {  } @2',
    );
  });

  it('past the depth limit shows only the class name, stylized', () => {
    expect(inspectCollection(new Box(), 'Box', new Map(), -1, colors, fakeInspect)).toBe(
      '<special>[Box]</special>',
    );
    expect(inspectCollection(new Sub(), 'Box', new Map(), -1, {}, fakeInspect)).toBe('[Sub]');
  });

  it('passes an unlimited depth on as null', () => {
    expect(inspectCollection(new Box(), 'Box', new Set(), null, {}, fakeInspect)).toBe(
      'Box(0) {  } @null',
    );
  });

  it('shows itself met inside itself as [Circular] instead of recursing', () => {
    const box = new Box();
    const inner = (value: unknown) =>
      value instanceof Map
        ? `Map(1) { ${inspectCollection(box, 'Box', new Map(), 2, {}, inner)} }`
        : '';
    expect(inspectCollection(box, 'Box', new Map([[1, 1]]), 2, {}, inner)).toBe(
      'Box(1) { [Circular] }',
    );
  });
});

group('inspectWithState', () => {
  it('shows the state, then the first unlabelled value, then labelled ones, one level down', () => {
    const node = new Node();
    expect(inspectWithState(new Box(), 'Box', true, [{ value: node }], 2, {}, fakeInspect)).toBe(
      'Box { <alive> Node @1 }',
    );
    const shown = [{ value: node }, { label: 'key', value: 'k' }];
    expect(inspectWithState(new Box(), 'Box', true, shown, null, {}, fakeInspect)).toBe(
      "Box { <alive> Node @null, key: 'k' @null }",
    );
    expect(
      inspectWithState(new Box(), 'Box', false, [{ label: 'key', value: 1 }], 0, {}, fakeInspect),
    ).toBe('Box { <dead>, key: 1 @-1 }');
    expect(inspectWithState(new Box(), 'Box', false, [{ text: 'close' }], 2, {}, fakeInspect)).toBe(
      'Box { <dead> close }',
    );
  });

  it('stylizes the state, names a subclass after its base, and stops at the depth limit', () => {
    expect(inspectWithState(new Sub(), 'Box', false, [], 2, colors, fakeInspect)).toBe(
      'Sub [Box] { <special><dead></special> }',
    );
    expect(inspectWithState(new Box(), 'Box', true, [], -1, {}, fakeInspect)).toBe('[Box]');
  });

  it('breaks lines past breakLength, when compact is false, or when a value is multi-line', () => {
    const long = [{ value: 'x'.repeat(30) }];
    const oneLine = `Box { <alive> '${'x'.repeat(30)}' @1 }`;
    expect(inspectWithState(new Box(), 'Box', true, long, 2, {}, fakeInspect)).toBe(oneLine);
    const broken = `Box {\n  <alive> '${'x'.repeat(30)}' @1\n}`;
    expect(
      inspectWithState(new Box(), 'Box', true, long, 2, { breakLength: 20 }, fakeInspect),
    ).toBe(broken);
    expect(inspectWithState(new Box(), 'Box', true, long, 2, { compact: false }, fakeInspect)).toBe(
      broken,
    );
    const multiLine = () => 'Node {\n  id: 1\n}';
    expect(inspectWithState(new Box(), 'Box', true, long, 2, {}, multiLine)).toBe(
      'Box {\n  <alive> Node {\n    id: 1\n  }\n}',
    );
  });
});

group('inspectAs', () => {
  it('formats another value at the same depth, and itself inside itself as [Circular]', () => {
    const self = new Box();
    expect(inspectAs(self, new Node(), 2, {}, fakeInspect)).toBe('Node @2');
    const again = () => inspectAs(self, 1, 2, {}, fakeInspect);
    expect(inspectAs(self, 1, 2, {}, again)).toBe('[Circular]');
  });
});

group('String() and the unraisable hook', () => {
  class Thing {
    [inspectCustom](
      depth: number | null,
      _options: InspectOptions,
      inspect: (v: unknown) => string,
    ) {
      return `Thing { depth ${depth}, ${inspect(new Node())}, ${inspect('s')}, ${inspect(() => {})} }`;
    }
  }

  it('inspectBriefly is the inspection at depth 0, objects shown as Node does past its limit', () => {
    expect(inspectBriefly(new Thing())).toBe(
      "Thing { depth 0, [Node], 's', [Function (anonymous)] }",
    );
  });

  it('describe uses the custom inspect, else String(), and never throws', () => {
    expect(describe(new Thing())).toBe(inspectBriefly(new Thing()));
    expect(describe({ toString: () => 'plain' })).toBe('plain');
    const throwing = {
      [inspectCustom]() {
        throw new Error('no');
      },
      toString: () => 'fallback',
    };
    expect(describe(throwing)).toBe('fallback');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new ReferenceError('weakly-referenced object no longer exists');
        },
      },
    );
    expect(describe(hostile)).toBe('[object]');
    expect(describe(Object.create(null))).toBe('[object Object]');
  });
});
