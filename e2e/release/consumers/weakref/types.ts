// Type-checked as types.ts (bundler), types.mts (node16 ESM) and types.cts (node16 CommonJS).
import * as weakref from '@w/weakref';

class TreeNode {
  parent?: weakref.Ref<TreeNode>;
}

const resource = new TreeNode();
const r: weakref.Ref<TreeNode> = weakref.ref(resource, (dead) => dead.deref());
resource.parent = r;
const alive: TreeNode | undefined = r.deref();
const p: TreeNode = weakref.proxy(resource);
const f = weakref.finalize(resource, (a: number, b: number) => a + b, 2, 3);
const sum: number | undefined = f();
const cache = new weakref.WeakValueMap<string, TreeNode>();
const tags = new weakref.WeakKeyMap<TreeNode, string>();
const listeners = new weakref.IterableWeakSet<() => void>();
const asSet: Set<() => void> = listeners;
const hook: weakref.UnraisableHook | undefined = undefined;
const key: weakref.WeakKey = resource;

// @ts-expect-error finalize checks the arguments against the function's parameters
weakref.finalize(resource, (a: number) => a, 'not a number');
// @ts-expect-error a number cannot be held weakly
weakref.ref(1);

export const used = [alive, p, sum, cache, tags, asSet, hook, key];
