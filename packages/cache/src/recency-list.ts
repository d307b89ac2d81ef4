/**
 * One strong entry of a cache, a link in its recency list: a circular doubly linked list
 * through a sentinel, most recently used right after it. Moving a node allocates nothing.
 */
export class StrongNode<K, V> {
  prev: StrongNode<K, V> = this;
  next: StrongNode<K, V> = this;
  constructor(
    public key: K,
    public value: V,
  ) {}
}

/** An empty list: its sentinel (whose key and value are never read). */
export function emptyList<K, V>(): StrongNode<K, V> {
  return new StrongNode<K, V>(undefined as K, undefined as V);
}

/** Puts `node` (not in the list) first, right after `head`. */
export function linkFirst<K, V>(head: StrongNode<K, V>, node: StrongNode<K, V>): void {
  const first = head.next;
  node.prev = head;
  node.next = first;
  first.prev = node;
  head.next = node;
}

/** Takes `node` out of its list. */
export function unlink<K, V>(node: StrongNode<K, V>): void {
  node.prev.next = node.next;
  node.next.prev = node.prev;
}

/** Makes `node` (in the list) the first. */
export function moveFirst<K, V>(head: StrongNode<K, V>, node: StrongNode<K, V>): void {
  if (head.next === node) return;
  unlink(node);
  linkFirst(head, node);
}
