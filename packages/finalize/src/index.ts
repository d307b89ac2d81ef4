export { finalize } from './finalize';
export { Finalizer, type FinalizerInfo } from './finalizer';
