export { collectGarbage } from '@w/core/testing';
export { type ExpectOptions, expectCollected, expectRetained } from './expect';
export { LeakError } from './leak-error';
export { type LeakMatchers, type MatcherResult, type Matchers, matchers } from './matchers';
export { Probe, probe } from './probe';
