/**
 * What the `@w/*` packages share with each other. Not a public API: it can change in any
 * release, and only packages of the same version may use it.
 *
 * @internal
 * @module
 */
export type { CleanupRegistry, OwnCell } from './cleanup-registry';
export { cleanOwnCell, createCleanupRegistry } from './cleanup-registry';
export { describeKey } from './describe-key';
export type { Inspect, Inspectable, InspectOptions, Shown } from './inspect';
export {
  describe,
  inspectAs,
  inspectBriefly,
  inspectCollection,
  inspectCustom,
  inspectWithState,
} from './inspect';
export { nextTask } from './next-task';
export { OrderedWeakKeys } from './ordered-weak-keys';
export { processShared } from './process-shared';
export { incompatibleReceiver } from './receiver';
export { shareInstanceof } from './shared-instanceof';
export type { CanonicalKind, Watcher } from './target-watchers';
export {
  getCanonical,
  liveReferents,
  setCanonical,
  targetCollected,
  watchTargetStrongly,
  watchTargetWeakly,
} from './target-watchers';
export type { Unraisable, UnraisableHook } from './unraisable';
export { callReportingErrors, reportUnraisable, setUnraisableHook } from './unraisable';
export { WeakCell } from './weak-cell';
export type { WeakKey } from './weakable';
export { assertFunction, assertWeakable, canBeHeldWeakly, describeType } from './weakable';
