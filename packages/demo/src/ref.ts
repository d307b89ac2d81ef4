// #region imports
import { collectGarbage } from '@w/core/testing';
import { getWeakRefCount, type Ref, ref, WeakMethod } from '@w/ref';
// #endregion imports
import type { Scenario } from './scenario';

// #region tree
/** A tree node whose parent pointer is weak, so a child never keeps its parent alive. */
class TreeNode {
  #parent: Ref<TreeNode> | undefined;
  readonly children: TreeNode[] = [];

  constructor(readonly name: string) {}

  get parent(): TreeNode | undefined {
    return this.#parent?.deref();
  }

  add(child: TreeNode): TreeNode {
    child.#parent = ref<TreeNode>(this, () =>
      console.log(`  callback: ${child.name} lost its parent`),
    );
    this.children.push(child);
    return child;
  }
}

function buildTree(): TreeNode {
  const root = new TreeNode('root');
  const leaf = root.add(new TreeNode('leaf'));
  console.log(`  leaf.parent is root: ${leaf.parent === root}`);
  return leaf; // only the leaf is kept: the root is unreachable once this returns
}

const weakParent: Scenario = {
  title: 'Breaking a parent/child cycle with a weak parent pointer',
  async run() {
    const leaf = buildTree();
    await collectGarbage();
    console.log(`  after collection, leaf.parent: ${leaf.parent}`);
  },
};
// #endregion tree

// #region callback
function makeRefWithCallback(): Ref<object> {
  const target = { name: 'spam' };
  const r = ref(target, (dead) => console.log(`  callback(${dead === r ? 'the same ref' : '?'})`));
  console.log(
    `  r.deref(): ${JSON.stringify(r.deref())}, weak refs to it: ${getWeakRefCount(target)}`,
  );
  return r;
}

const refCallbacks: Scenario = {
  title: 'Reference callbacks',
  async run() {
    const r = makeRefWithCallback();
    console.log('  dropping the object and collecting...');
    await collectGarbage();
    console.log(`  r.deref(): ${r.deref()}`);
  },
};
// #endregion callback

// #region weak-method
class Button {
  constructor(readonly label: string) {}
  click(): string {
    return `${this.label} clicked`;
  }
}

function makeWeakHandler(): WeakMethod<() => string> {
  const button = new Button('OK');
  const handler = new WeakMethod(button, button.click, () => console.log('  button is gone'));
  console.log(`  handler.deref()(): ${handler.deref()?.()}`);
  return handler;
}

const weakMethod: Scenario = {
  title: 'A weak method: event handlers that do not keep their object alive',
  async run() {
    const handler = makeWeakHandler();
    await collectGarbage();
    console.log(`  handler.deref(): ${handler.deref()}`);
  },
};
// #endregion weak-method

/** The ref scenarios, in tutorial order. */
export const scenarios: Scenario[] = [weakParent, refCallbacks, weakMethod];
