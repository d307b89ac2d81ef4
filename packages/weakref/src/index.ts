// Python's `import weakref`, as one import: every public name of the @w/* packages.

export * from '@w/cache';
export {
  canBeHeldWeakly,
  setUnraisableHook,
  type Unraisable,
  type UnraisableHook,
  type WeakKey,
} from '@w/core';
export * from '@w/finalize';
export * from '@w/proxy';
export * from '@w/ref';
export * from '@w/weak-key-map';
export * from '@w/weak-set';
export * from '@w/weak-value-map';
