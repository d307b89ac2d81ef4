// The user API of @w/core. What the sibling packages share lives in `@w/core/internal`.
export type { Unraisable, UnraisableHook } from './unraisable';
export { setUnraisableHook } from './unraisable';
export type { WeakKey } from './weakable';
export { canBeHeldWeakly } from './weakable';
