import { collectGarbage } from '@w/core/testing';
import { type Ref, ref } from '@w/ref';

/** A tree node whose parent pointer is weak: a child never keeps its parent alive. */
class TreeNode {
  #parent: Ref<TreeNode> | undefined;
  readonly children: TreeNode[] = [];

  constructor(readonly name: string) {}

  get parent(): TreeNode | undefined {
    return this.#parent?.deref();
  }

  add(child: TreeNode): TreeNode {
    child.#parent = ref<TreeNode>(this, () =>
      console.log(`callback: ${child.name} lost its parent`),
    );
    this.children.push(child);
    return child;
  }
}

// Returns only the leaf: the root is unreachable once this returns.
function buildTree(): TreeNode {
  const root = new TreeNode('root');
  const leaf = root.add(new TreeNode('leaf'));
  console.log(`leaf.parent is root: ${leaf.parent === root}`);
  return leaf;
}

const leaf = buildTree();
await collectGarbage();
console.log(`after collection, leaf.parent: ${leaf.parent}`);
