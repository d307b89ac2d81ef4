/**
 * What the `@w/*` packages share with each other: only what a sibling imports. Not a public
 * API: it can change in any release, and siblings pin the exact version of `@w/core`.
 *
 * @internal
 * @module
 */

// Cleanup after collection: the one registry, its cells, the containers' ordered keys.
export type { CellRegistry } from './cleanup-registry';
export { createCellRegistry } from './cleanup-registry';
export { describeKey } from './describe-key';
// How the library's objects inspect (Node's util.inspect, and String()).
export type { Inspect, InspectOptions, Shown } from './inspect';
export {
  inspectAs,
  inspectBriefly,
  inspectCollection,
  inspectCustom,
  inspectWithState,
} from './inspect';
export { nextTask } from './next-task';
export { OrderedWeakKeys } from './ordered-weak-keys';
// One state per process, whichever copy of a package is loaded.
export { processShared } from './process-shared';
export { incompatibleReceiver } from './receiver';
export { setUpClass } from './set-up-class';
// Refs, proxies and finalizers attached to a target: callbacks newest first, reuse.
export type { Watcher } from './target-watchers';
export {
  getReused,
  liveReferents,
  setReused,
  targetCollected,
  watchTargetStrongly,
  watchTargetWeakly,
} from './target-watchers';
// Errors from callbacks nobody called directly.
export { callReportingErrors } from './unraisable';
export { WeakCell } from './weak-cell';
// Weak targets and arguments: checks and the words errors use for what they got.
export { assertFunction, assertWeakable, describeType } from './weakable';
