export { isProxy, proxy } from './create-proxy';
export type { ProxyCallback } from './weak-proxy-handler';
