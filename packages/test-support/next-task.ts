/** Resolves in a later macrotask, after the cleanup tasks the runtime queued before it. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
