/**
 * What a proxy made here answers with its handler, alive or dead: the brand `isProxy` and
 * inspection read. Registered, so that every copy of this package knows every copy's proxies;
 * no map keyed by proxy, whose table would keep its peak size once they die. In a file of its
 * own, so that `isProxy` alone does not bring the handler into a bundle.
 */
export const handlerKey: unique symbol = Symbol.for('@w/proxy/handler@1');
