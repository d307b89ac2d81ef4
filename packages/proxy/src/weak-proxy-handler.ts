import {
  callReportingErrors,
  type Inspect,
  type InspectOptions,
  inspectCustom,
  inspectWithState,
  targetCollected,
} from '@w/core/internal';
import { isConstructor, mirrorKey, mirrorNonExtensible } from './dummy-target';
import { handlerKey } from './handler-key';

/** A proxy callback: called once, with the proxy, after the target is collected. */
export type ProxyCallback<T extends object> = (proxy: T) => void;

/** The error every operation on a proxy whose target was collected throws (Python's text). */
function deadTargetError(): ReferenceError {
  return new ReferenceError('weakly-referenced object no longer exists');
}

/** How a proxy whose target was collected inspects: `<dead weak proxy>`. */
export function inspectDeadProxy(_depth: unknown, options?: InspectOptions): string {
  return options?.stylize?.('<dead weak proxy>', 'special') ?? '<dead weak proxy>';
}

/**
 * The traps of one proxy. It holds its target only through a `WeakRef`; every trap derefs it
 * (throwing once it is gone) and forwards with the target as receiver, so getters, setters
 * and methods see the real object: `#private` members and internal slots work.
 */
export class WeakProxyHandler<T extends object> implements ProxyHandler<T> {
  readonly #target: WeakRef<T>;
  #callback: ProxyCallback<T> | undefined;
  // Set right after the Proxy is made; the callback receives it and `construct` compares to it.
  proxy!: T;
  // A method of the target's prototype chain -> what `get` hands out for it, so `p.m === p.m`.
  // Weak in the method: one that refers to the target keeps nothing alive from here. Only
  // methods stored on the chain are kept: a getter's or a proxy's functions may be new on
  // every read, and would pile up.
  #methods: WeakMap<Function, Function> | undefined;

  constructor(target: T, callback: ProxyCallback<T> | undefined) {
    this.#target = new WeakRef(target);
    this.#callback = callback;
  }

  /** The target, or `undefined` once collected (no throw: for inspection). */
  peek(): T | undefined {
    return this.#target.deref();
  }

  #live(): T {
    const target = this.#target.deref();
    if (target === undefined) throw deadTargetError();
    return target;
  }

  // Core calls `proxy[targetCollected]()` after the target died: `get` hands out this.
  readonly #onCollected = (): void => {
    const callback = this.#callback;
    if (callback === undefined || this.#target.deref() !== undefined) return;
    this.#callback = undefined;
    callReportingErrors(callback, 'proxy callback', this.proxy, this.proxy);
  };

  get(_dummy: T, key: PropertyKey): unknown {
    if (key === targetCollected) return this.#onCollected;
    if (key === handlerKey) return this;
    const target = this.#target.deref();
    if (target === undefined) {
      // Formatters that look the custom inspect up through the proxy (the unraisable hook's,
      // Bun's) are told it is dead instead of being thrown at.
      if (key === inspectCustom) return inspectDeadProxy;
      throw deadTargetError();
    }
    const value = Reflect.get(target, key, target);
    if (typeof value !== 'function') return value;
    const holder = dataHolder(target, key, value);
    if (holder === target) return value;
    return this.#method(value, holder !== undefined);
  }

  /**
   * A function read from the target's prototype chain (or a getter), made to run on the
   * target: built-ins with internal slots and `#private` members need the real receiver.
   * It reaches the target through this handler's weak reference, so reading a method keeps
   * nothing alive, and calling it after the target was collected throws like the proxy does.
   * Constructors are left as is: `p.constructor === Class`, their `prototype` readable.
   */
  #method(fn: Function, stored: boolean): Function {
    let method = this.#methods?.get(fn);
    if (method === undefined) {
      method = isConstructor(fn)
        ? fn
        : (...args: unknown[]): unknown => Reflect.apply(fn, this.#live(), args);
      if (stored) {
        this.#methods ??= new WeakMap();
        this.#methods.set(fn, method);
      }
    }
    return method;
  }

  set(_dummy: T, key: PropertyKey, value: unknown): boolean {
    const target = this.#live();
    return Reflect.set(target, key, value, target);
  }

  has(dummy: T, key: PropertyKey): boolean {
    const found = Reflect.has(this.#live(), key);
    // A key deleted from a non-extensible target behind our back must leave the dummy too.
    if (!found) Reflect.deleteProperty(dummy, key);
    return found;
  }

  deleteProperty(dummy: T, key: PropertyKey): boolean {
    const deleted = Reflect.deleteProperty(this.#live(), key);
    if (deleted) Reflect.deleteProperty(dummy, key);
    return deleted;
  }

  defineProperty(dummy: T, key: PropertyKey, desc: PropertyDescriptor): boolean {
    const target = this.#live();
    const defined = Reflect.defineProperty(target, key, desc);
    if (defined) mirrorKey(dummy, key, Reflect.getOwnPropertyDescriptor(target, key));
    return defined;
  }

  getOwnPropertyDescriptor(dummy: T, key: PropertyKey): PropertyDescriptor | undefined {
    const desc = Reflect.getOwnPropertyDescriptor(this.#live(), key);
    mirrorKey(dummy, key, desc);
    return desc;
  }

  ownKeys(dummy: T): ArrayLike<string | symbol> {
    const target = this.#live();
    if (!Reflect.isExtensible(target)) mirrorNonExtensible(dummy, target);
    return Reflect.ownKeys(target);
  }

  getPrototypeOf(_dummy: T): object | null {
    return Reflect.getPrototypeOf(this.#live());
  }

  setPrototypeOf(_dummy: T, prototype: object | null): boolean {
    return Reflect.setPrototypeOf(this.#live(), prototype);
  }

  isExtensible(dummy: T): boolean {
    const target = this.#live();
    const extensible = Reflect.isExtensible(target);
    if (!extensible) mirrorNonExtensible(dummy, target);
    return extensible;
  }

  preventExtensions(dummy: T): boolean {
    const target = this.#live();
    const prevented = Reflect.preventExtensions(target);
    if (prevented) mirrorNonExtensible(dummy, target);
    return prevented;
  }

  apply(_dummy: T, thisArg: unknown, args: unknown[]): unknown {
    return Reflect.apply(this.#live() as Function, thisArg, args);
  }

  construct(_dummy: T, args: unknown[], newTarget: Function): object {
    const target = this.#live() as Function;
    // `new proxy()` builds a real instance of the target (`new.target` is the class itself).
    return Reflect.construct(target, args, newTarget === this.proxy ? target : newTarget);
  }

  /** With `showProxy`, Node shows the handler: `WeakProxyHandler { <alive> {…} }`, or dead. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    const target = this.#target.deref();
    const shown = target === undefined ? [] : [{ value: target }];
    const alive = target !== undefined;
    return inspectWithState(this, 'WeakProxyHandler', alive, shown, depth, options, inspect);
  }
}

/**
 * The object of `target`'s prototype chain (`target` included) whose own data property `key`
 * holds `value`, or `undefined` when `value` came from a getter or a proxy's trap. An own one
 * comes back as itself, as Python's proxy returns the attribute (`p.fn === obj.fn`, a debounced
 * function keeps its `.cancel`); that also covers own frozen functions, for which the Proxy
 * invariants demand the very same value.
 */
function dataHolder(target: object, key: PropertyKey, value: unknown): object | undefined {
  for (
    let object: object | null = target;
    object !== null;
    object = Reflect.getPrototypeOf(object)
  ) {
    if (!Object.hasOwn(object, key)) continue;
    const desc = Reflect.getOwnPropertyDescriptor(object, key);
    return desc !== undefined && 'value' in desc && desc.value === value ? object : undefined;
  }
  return undefined;
}
