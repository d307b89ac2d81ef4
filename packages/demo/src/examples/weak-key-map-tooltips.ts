import { collectGarbage } from '@w/core/testing';
import { WeakKeyMap } from '@w/weak-key-map';

/** A stand-in for a DOM node: the kind of object you tag without owning. */
interface DomNode {
  tag: string;
  children: DomNode[];
}

function node(tag: string, ...children: DomNode[]): DomNode {
  return { tag, children };
}

/** Which nodes the "tooltip" feature tagged, and with what text. */
const tooltips = new WeakKeyMap<DomNode, string>();

// Builds a dialog, tags its nodes, and forgets it: only `tooltips` still
// sees the nodes.
function openAndCloseDialog(): void {
  const ok = node('button');
  const cancel = node('button');
  node('dialog', ok, cancel);
  tooltips.set(ok, 'Save your changes');
  tooltips.set(cancel, 'Discard your changes');
}

function show(): void {
  console.log(`${tooltips.size} tagged node(s):`);
  for (const [n, text] of tooltips) console.log(`  ${n.tag}: ${text}`);
}

const button = node('button');
const input = node('input');
const page = node('body', button, input);
tooltips.set(button, 'Send the form');
tooltips.set(input, 'Your e-mail address');
openAndCloseDialog();
console.log('After opening and closing a dialog:');
show();
await collectGarbage();
console.log('After the dialog nodes die and collectGarbage():');
show();
console.log(`the page's button is still tagged: ${tooltips.has(button)}`);
console.log(`the page still has ${page.children.length} nodes`);
