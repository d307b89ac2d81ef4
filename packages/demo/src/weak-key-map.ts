// #region imports
import { collectGarbage } from '@w/core/testing';
import { WeakKeyMap } from '@w/weak-key-map';
// #endregion imports
import type { Scenario } from './scenario';

// #region dom-node
/** A stand-in for a DOM node: the kind of object you tag without owning it. */
interface DomNode {
  tag: string;
  children: DomNode[];
  listener?: () => void;
}

function node(tag: string, ...children: DomNode[]): DomNode {
  return { tag, children };
}
// #endregion dom-node

// #region tooltips
/** Which nodes the "tooltip" feature tagged, and with what text. */
const tooltips = new WeakKeyMap<DomNode, string>();

const page = node('body', node('button'), node('input'));

// Builds a dialog, tags its nodes, and forgets it: only `tooltips` still sees the nodes.
function openAndCloseDialog(): void {
  const ok = node('button');
  const cancel = node('button');
  node('dialog', ok, cancel);
  tooltips.set(ok, 'Save your changes');
  tooltips.set(cancel, 'Discard your changes');
}

function show(): void {
  const tags = [...tooltips].map(([n, text]) => `${n.tag}: ${text}`);
  console.log(`  ${tooltips.size} tagged node(s): ${tags.join(' | ')}`);
}

const tooltipMetadata: Scenario = {
  title: 'WeakKeyMap: per-object metadata you can iterate and count',
  async run() {
    const [button, input] = page.children as [DomNode, DomNode];
    tooltips.set(button, 'Send the form');
    tooltips.set(input, 'Your e-mail address');
    openAndCloseDialog();
    console.log('After opening and closing a dialog:');
    show();
    await collectGarbage();
    console.log('After the dialog nodes die and collectGarbage():');
    show();
    console.log(`  the page's button is still tagged: ${tooltips.has(button)}`);
  },
};
// #endregion tooltips

// #region self-reference
// A value that refers back to its key: a listener closing over its node.
function tagWithSelfReferencingListener(map: WeakKeyMap<DomNode, () => void>): WeakRef<DomNode> {
  const widget = node('canvas');
  const onClick = () => console.log(`clicked ${widget.tag}`);
  widget.listener = onClick;
  map.set(widget, onClick);
  return new WeakRef(widget);
}

const selfReference: Scenario = {
  title: 'WeakKeyMap: a value that refers to its own key does not keep it alive',
  async run() {
    const listeners = new WeakKeyMap<DomNode, () => void>();
    const widget = tagWithSelfReferencingListener(listeners);
    console.log(`  before: ${listeners.size} entry; the listener closes over its node`);
    await collectGarbage();
    // Python's WeakKeyDictionary holds values strongly, so this node would live forever.
    console.log(`  after collectGarbage(): node alive = ${widget.deref() !== undefined}`);
    console.log(`  entries left: ${listeners.size}`);
  },
};
// #endregion self-reference

/** The WeakKeyMap scenarios, in tutorial order. */
export const scenarios: Scenario[] = [tooltipMetadata, selfReference];
