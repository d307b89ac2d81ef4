/**
 * The Proxy's own [[Target]]: a stand-in of the same kind as the real target (so `typeof`,
 * `Array.isArray`, calling and `new` behave), which never references the real target. Proxy
 * invariants are checked against it, so `mirror*` copy onto it exactly what they need.
 */

/** True when `fn` has [[Construct]]; decided without calling `fn` or reading its properties. */
export function isConstructor(fn: Function): boolean {
  try {
    new (new Proxy(fn, constructProbe) as new () => unknown)();
    return true;
  } catch {
    return false;
  }
}

const constructProbe: ProxyHandler<Function> = { construct: () => ({}) };

function constructibleDummy(): Function {
  // biome-ignore lint/complexity/useArrowFunction: an arrow function has no [[Construct]].
  return function () {}.bind(null);
}

/** A fresh stand-in of the same kind as `target`, with `prototype` as its prototype. */
export function createDummy(target: object, prototype: object): object {
  let dummy: object;
  if (typeof target === 'function') {
    // A bound function has [[Construct]] but, unlike `function () {}`, no non-configurable
    // `prototype`, which a bound or proxied constructor target would not have.
    dummy = isConstructor(target) ? constructibleDummy() : () => {};
  } else if (Array.isArray(target)) {
    dummy = [];
  } else {
    dummy = {};
  }
  Object.setPrototypeOf(dummy, prototype);
  return dummy;
}

/**
 * Makes `dummy` agree with `desc` (the target's descriptor of `key`, or `undefined`) where the
 * Proxy invariants look: a missing key must be missing, a non-configurable one must exist.
 * Only non-writable values and accessors are copied; a writable one gets `undefined`, which
 * the invariants allow and which keeps the dummy from holding what it does not need.
 */
export function mirrorKey(dummy: object, key: PropertyKey, desc: PropertyDescriptor | undefined) {
  if (desc === undefined) {
    // Only a configurable copy can be there (the target could not delete a non-configurable one).
    Reflect.deleteProperty(dummy, key);
    return;
  }
  if (desc.configurable) return;
  const current = Reflect.getOwnPropertyDescriptor(dummy, key);
  if ('value' in desc && desc.writable) {
    if (current !== undefined && !current.configurable && current.writable) return;
    Reflect.defineProperty(dummy, key, {
      value: undefined,
      writable: true,
      enumerable: desc.enumerable,
      configurable: false,
    });
    return;
  }
  Reflect.defineProperty(dummy, key, desc);
}

/**
 * For a non-extensible target: gives `dummy` the target's prototype and exactly its keys
 * (configurable ones as `undefined` placeholders), then makes it non-extensible too. On an
 * already mirrored dummy, drops the keys the target has deleted since.
 */
export function mirrorNonExtensible(dummy: object, target: object): void {
  const keys = Reflect.ownKeys(target);
  if (Reflect.isExtensible(dummy)) {
    Reflect.setPrototypeOf(dummy, Reflect.getPrototypeOf(target));
    for (const key of keys) {
      const desc = Reflect.getOwnPropertyDescriptor(target, key);
      if (desc?.configurable && !Object.hasOwn(dummy, key)) {
        Reflect.defineProperty(dummy, key, {
          value: undefined,
          writable: true,
          configurable: true,
        });
      } else {
        mirrorKey(dummy, key, desc);
      }
    }
  }
  const targetKeys = new Set(keys);
  for (const key of Reflect.ownKeys(dummy)) {
    if (!targetKeys.has(key)) Reflect.deleteProperty(dummy, key);
  }
  Reflect.preventExtensions(dummy);
}
