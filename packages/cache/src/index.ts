export { type RemovalCause, WeakCache, type WeakCacheOptions } from './weak-cache';
