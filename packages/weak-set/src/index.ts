export { IterableWeakSet, type WeakMembers } from './iterable-weak-set';
export type { SetLike } from './set-like';
