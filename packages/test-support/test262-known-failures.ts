/**
 * The test262 ports that fail today, `'<Class> <test262 path>'` -> why. A listed port still
 * runs and must fail (`it.fails`): one that passes fails the run until it is taken off this
 * list. Every other applicable port must pass. Keep the list exact and empty it as fixes land.
 */
export const TEST262_KNOWN_FAILURES: Record<string, string> = {};
