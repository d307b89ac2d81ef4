import type { WeakKey } from '@w/core';
import {
  assertFunction,
  assertWeakable,
  callReportingErrors,
  getReused,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectBriefly,
  inspectCustom,
  inspectWithState,
  setReused,
  setUpClass,
  targetCollected,
  type Watcher,
  watchTargetWeakly,
} from '@w/core/internal';

/**
 * A ref callback: called once, with the ref, after the referent is collected. Written as a
 * method type so its parameter is bivariant: `Ref<Sub>` stays assignable to `Ref<Base>`.
 */
export type RefCallback<R> = { callback(ref: R): void }['callback'];

// Set up with the class: true when `value` is a `Ref` (of any subclass) made by this copy of
// the package. Not a static method: a class body never names its class (CONTRIBUTING.md).
let isRef: (value: unknown) => value is Ref;

/**
 * A weak reference (Python's `weakref.ref`): a native `WeakRef` that can carry a callback,
 * compares like Python's `==` with `equals`, and is listed by `getWeakRefs(target)`.
 */
export class Ref<T extends WeakKey = WeakKey> extends WeakRef<T> implements Watcher {
  #callback: RefCallback<any> | undefined;

  constructor(target: T, callback?: RefCallback<Ref<T>>) {
    super(checkedTarget(target, callback));
    this.#callback = callback;
    // The reused ref is tracked by core in its own slot; only callbacks need a cleanup.
    if (!makingReusedRef) watchTargetWeakly(target, this, callback !== undefined);
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    isRef = (value) => typeof value === 'object' && value !== null && #callback in value;
    setUpClass(this, 'Ref');
  })();

  /** The callback (Python's `__callback__`); `undefined` once it has run, or if none. */
  get callback(): RefCallback<this> | undefined {
    if (!isRef(this)) throw incompatibleReceiver('get Ref.prototype.callback', this);
    return this.#callback;
  }

  /**
   * Python's `==`: two live refs are equal when they refer to the same object; once either
   * referent is gone, a ref equals only itself.
   */
  equals(other: unknown): boolean {
    if (!isRef(this)) throw incompatibleReceiver('Ref.prototype.equals', this);
    if (this === other) return true;
    if (!isRef(other)) return false;
    const referent = this.deref();
    return referent !== undefined && referent === other.deref();
  }

  /**
   * What `console.log` and `util.inspect` show, in the spirit of Python's repr:
   * `Ref { <alive> Node { id: 1 } }`, or `Ref { <dead> }` once the referent is gone.
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    if (!isRef(this)) throw incompatibleReceiver('Ref.prototype[inspect.custom]', this);
    const referent = this.deref();
    const shown = referent === undefined ? [] : [{ value: referent }];
    return inspectWithState(this, 'Ref', referent !== undefined, shown, depth, options, inspect);
  }

  /** The inspection at depth 0: `Ref { <alive> [Node] }`, or `Ref { <dead> }`. */
  override toString(): string {
    if (!isRef(this)) throw incompatibleReceiver('Ref.prototype.toString', this);
    return inspectBriefly(this);
  }

  /**
   * `'Ref'`, so `Object.prototype.toString` gives `[object Ref]`, as the inspection names it.
   * Typed as the lib types a WeakRef's tag, so a `Ref` stays assignable to `WeakRef`.
   */
  override get [Symbol.toStringTag](): 'WeakRef' {
    return 'Ref' as 'WeakRef';
  }

  /** @internal Called by @w/core after the referent is collected. */
  [targetCollected](): void {
    if (!isRef(this)) throw incompatibleReceiver('Ref.prototype[targetCollected]', this);
    const callback = this.#callback;
    if (callback === undefined) return;
    this.#callback = undefined;
    callReportingErrors(callback, 'ref callback', this, this);
  }
}

/**
 * A weak reference to `target` (Python's `weakref.ref(target, callback)`). Without a
 * callback the same `Ref` comes back for the same live target, as in Python.
 */
export function ref<T extends WeakKey>(target: T, callback?: RefCallback<Ref<T>>): Ref<T> {
  if (callback !== undefined) return new Ref(target, callback);
  return getReused<Ref<T>>(target, 'ref') ?? makeReusedRef(target);
}

// Set while `ref()` makes the reused ref, which core tracks in its own slot instead.
let makingReusedRef = false;

function makeReusedRef<T extends WeakKey>(target: T): Ref<T> {
  makingReusedRef = true;
  try {
    const created = new Ref(target);
    setReused(target, 'ref', created);
    return created;
  } finally {
    makingReusedRef = false;
  }
}

// Runs before `super()`, so a bad argument throws before anything is created or registered.
function checkedTarget<T>(target: T, callback: unknown): T {
  assertWeakable(target);
  if (callback !== undefined) assertFunction(callback, 'callback');
  return target;
}
