import {
  assertFunction,
  assertWeakable,
  getReused,
  type Inspect,
  type InspectOptions,
  inspectAs,
  inspectCustom,
  setReused,
  type Watcher,
  watchTargetWeakly,
} from '@w/core/internal';
import { createDummy } from './dummy-target';
import { handlerKey } from './handler-key';
import { inspectDeadProxy, type ProxyCallback, WeakProxyHandler } from './weak-proxy-handler';

// The handler of `value` if it is a proxy made here (by any copy of this package). A foreign
// proxy's trap may answer the key too, or throw: only a handler that names `value` counts.
function handlerOf(value: object): { peek(): object | undefined } | undefined {
  try {
    const handler = (value as { [handlerKey]?: WeakProxyHandler<object> })[handlerKey];
    return handler?.proxy === value ? handler : undefined;
  } catch {
    return undefined;
  }
}

// The dummy's prototype until the target is non-extensible: Node's `util.inspect` (and so
// `console.log`) formats a Proxy's [[Target]], i.e. the dummy, so this shows the real target.
// Made on first use: a module-level object with a computed key would be kept in every
// bundle that imports anything from this package (`isProxy` too).
let inspectable: object | undefined;
const makeInspectable = (): object => ({
  [inspectCustom](
    this: object,
    depth: number | null,
    options: InspectOptions,
    inspect: Inspect,
  ): string {
    const handler = handlerOf(this);
    // With `showProxy`, Node shows the [[ProxyTarget]] itself: this stand-in, which holds
    // nothing (the handler, shown beside it, holds the target).
    if (handler === undefined) return options.stylize?.('<stand-in>', 'special') ?? '<stand-in>';
    const target = handler.peek();
    return target === undefined
      ? inspectDeadProxy(depth, options)
      : inspectAs(this, target, depth, options, inspect);
  },
});

/**
 * A transparent proxy for `target` that does not keep it alive (Python's
 * `weakref.proxy(target, callback)`). Every operation is forwarded to the live target. A
 * function stored as an own data property comes back as itself (`p.fn === target.fn`);
 * methods read from the prototype run on the target, so `#private` members and built-ins
 * such as `Map` or `Date` work. Callables give callable proxies, constructors constructible ones,
 * arrays pass `Array.isArray`. Once the target is collected, every operation throws
 * `ReferenceError('weakly-referenced object no longer exists')`.
 *
 * `callback`, if given, runs once with the proxy after the target is collected (later, in a
 * task of its own; its errors go to the unraisable hook of `@w/core`). Without a callback,
 * the same proxy comes back for the same live target, as in Python.
 *
 * @throws TypeError when `target` is not an object or function, or `callback` is not a function.
 */
export function proxy<T extends object>(target: T, callback?: ProxyCallback<T>): T {
  assertWeakable(target);
  if (typeof target === 'symbol') {
    throw new TypeError(`cannot create weak proxy to 'symbol' value`);
  }
  if (isRevoked(target)) throw new TypeError(`cannot create weak proxy to 'revoked proxy' value`);
  if (callback !== undefined) {
    assertFunction(callback, 'callback');
  } else {
    const existing = getReused<T>(target, 'proxy');
    if (existing !== undefined) return existing;
  }
  const handler = new WeakProxyHandler(target, callback);
  inspectable ??= makeInspectable();
  const created = new Proxy(createDummy(target, inspectable) as T, handler);
  handler.proxy = created;
  // Core lists the proxy in getWeakRefs (the reused one in its own slot) and, when there is
  // a callback, calls its [targetCollected] after collection.
  if (callback === undefined) setReused(target, 'proxy', created as unknown as Watcher);
  else watchTargetWeakly(target, created as unknown as Watcher, true);
  return created;
}

// Only a revoked Proxy makes `Array.isArray` throw; it calls no trap of a live one.
function isRevoked(target: object): boolean {
  try {
    Array.isArray(target);
    return false;
  } catch {
    return true;
  }
}

/**
 * True when `value` is a proxy made by {@link proxy} (alive or dead); never throws. It reads
 * one registered symbol of `value`, which a foreign `Proxy`'s `get` trap sees.
 */
export function isProxy(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    ? handlerOf(value) !== undefined
    : false;
}
