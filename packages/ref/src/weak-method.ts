import {
  assertFunction,
  describeKey,
  describeType,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectCustom,
  inspectWithState,
  setUpClass,
  watchTargetWeakly,
} from '@w/core/internal';
import { Ref, type RefCallback } from './ref';

type AnyFunction = (...args: any[]) => any;

/** The keys of `T` whose value is a method: what `new WeakMethod(obj, name)` accepts. */
export type MethodKey<T> = { [K in keyof T]-?: T[K] extends AnyFunction ? K : never }[keyof T];

/** The method that `M` names on `T` (or `M` itself, when it is the function). */
export type MethodOf<T, M> = M extends AnyFunction
  ? M
  : M extends keyof T
    ? Extract<T[M], AnyFunction>
    : never;

// Set up with the class, as `isRef` is.
let isWeakMethod: (value: unknown) => value is WeakMethod<any, any>;

/**
 * A weak reference to a method of an object (Python's `weakref.WeakMethod`). JavaScript
 * functions do not know their object, so both are given: `new WeakMethod(obj, obj.method)`
 * or `new WeakMethod(obj, 'method')`. `deref()` gives the function bound to the object, or
 * `undefined` once either is gone; the callback runs once, when the first of them dies.
 */
export class WeakMethod<
  T extends object = any,
  M extends MethodKey<T> | AnyFunction = MethodKey<T> | AnyFunction,
> extends Ref<MethodOf<T, M>> {
  readonly #method: WeakRef<MethodOf<T, M>>;

  constructor(obj: T, method: M, callback?: RefCallback<WeakMethod<T, M>>) {
    const fn = methodOf<MethodOf<T, M>>(obj, method);
    // The Ref part refers to the object; the function is watched beside it.
    super(
      obj as unknown as MethodOf<T, M>,
      callback as unknown as RefCallback<Ref<MethodOf<T, M>>> | undefined,
    );
    this.#method = new WeakRef(fn);
    watchTargetWeakly(fn, this, callback !== undefined);
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    isWeakMethod = (value) => typeof value === 'object' && value !== null && #method in value;
    setUpClass(this, 'WeakMethod');
  })();

  /** The method bound to its object, or `undefined` once either was collected. */
  override deref(): MethodOf<T, M> | undefined {
    if (!isWeakMethod(this)) throw incompatibleReceiver('WeakMethod.prototype.deref', this);
    const obj = super.deref();
    const fn = this.#method.deref();
    return obj === undefined || fn === undefined ? undefined : (fn.bind(obj) as MethodOf<T, M>);
  }

  /** Equal when both are alive with the same object and function; else only to itself. */
  override equals(other: unknown): boolean {
    if (!isWeakMethod(this)) throw incompatibleReceiver('WeakMethod.prototype.equals', this);
    if (this === other) return true;
    if (!isWeakMethod(other)) return false;
    const fn = this.#method.deref();
    const obj = super.deref();
    return (
      fn !== undefined &&
      obj !== undefined &&
      fn === other.#method.deref() &&
      obj === WeakRef.prototype.deref.call(other)
    );
  }

  /** `WeakMethod { <alive> Counter {…}, method: [Function: increment] }`, or `{ <dead> }`. */
  override [inspectCustom](
    depth: number | null,
    options: InspectOptions,
    inspect: Inspect,
  ): string {
    if (!isWeakMethod(this)) {
      throw incompatibleReceiver('WeakMethod.prototype[inspect.custom]', this);
    }
    const obj = super.deref();
    const fn = this.#method.deref();
    const alive = obj !== undefined && fn !== undefined;
    const shown = alive ? [{ value: obj }, { label: 'method', value: fn }] : [];
    return inspectWithState(this, 'WeakMethod', alive, shown, depth, options, inspect);
  }

  /** `'WeakMethod'`, so `Object.prototype.toString` gives `[object WeakMethod]`. */
  override get [Symbol.toStringTag](): 'WeakRef' {
    return 'WeakMethod' as 'WeakRef';
  }
}

function methodOf<F>(obj: unknown, method: unknown): F {
  if (typeof obj !== 'object' && typeof obj !== 'function') {
    throw new TypeError(`WeakMethod needs an object, not '${describeType(obj)}'`);
  }
  if (obj === null) throw new TypeError(`WeakMethod needs an object, not 'null'`);
  if (typeof method === 'function') return method as F;
  if (typeof method !== 'string' && typeof method !== 'symbol' && typeof method !== 'number') {
    throw new TypeError(
      `method must be a function or a property name, not '${describeType(method)}'`,
    );
  }
  const fn = (obj as Record<PropertyKey, unknown>)[method];
  assertFunction(fn, `property ${describeKey(method)}`);
  return fn as F;
}
