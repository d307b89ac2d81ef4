import { vi } from 'vitest';

// The `fake-timers` host of test:runtimes: most suites that test caches install fake timers,
// so collection, cleanup and collectGarbage() must not depend on the clock they replace.
vi.useFakeTimers();
