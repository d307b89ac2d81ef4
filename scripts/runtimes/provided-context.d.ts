// What the runtime configs pass to the probe with `provide`.
declare module 'vitest' {
  export interface ProvidedContext {
    expectedRuntime: string;
  }
}

export {};
