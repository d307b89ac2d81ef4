import { collectGarbage } from '@w/core/testing';
import { WeakKeyMap } from '@w/weak-key-map';

interface Widget {
  tag: string;
  listener?: () => void;
}

const listeners = new WeakKeyMap<Widget, () => void>();

// A value that refers back to its key: a listener closing over its widget.
function tagWithSelfReferencingListener(): WeakRef<Widget> {
  const widget: Widget = { tag: 'canvas' };
  const onClick = () => console.log(`clicked ${widget.tag}`);
  widget.listener = onClick;
  listeners.set(widget, onClick);
  return new WeakRef(widget);
}

const widget = tagWithSelfReferencingListener();
console.log(`before: ${listeners.size} entry; the listener closes over its key`);
await collectGarbage();
// Python's WeakKeyDictionary holds values strongly: this widget would live on.
console.log(`after collectGarbage(): alive = ${widget.deref() !== undefined}`);
console.log(`entries left: ${listeners.size}`);
