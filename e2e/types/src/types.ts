// Helpers: `Equal<any, X>` is false, so a type that silently became `any` fails the check.
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function assertType<T extends true>(): T | undefined {
  return undefined;
}
