export { WeakKeyMap } from './weak-key-map';
