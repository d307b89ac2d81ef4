export type { PairSource } from './pairs';
export { WeakValueMap } from './weak-value-map';
