import { scenarios as core } from './core';
import { scenarios as finalize } from './finalize';
import { scenarios as proxy } from './proxy';
import { scenarios as ref } from './ref';
import type { Scenario } from './scenario';
import { scenarios as weakKeyMap } from './weak-key-map';
import { scenarios as weakSet } from './weak-set';
import { scenarios as weakValueMap } from './weak-value-map';

// The tutorial's order: references first, then finalizers, containers, proxies, and last
// the shared core (what can be held weakly, where callback errors go).
const all: Scenario[] = [
  ...ref,
  ...finalize,
  ...weakValueMap,
  ...weakKeyMap,
  ...weakSet,
  ...proxy,
  ...core,
];

for (const scenario of all) {
  console.log(`\n=== ${scenario.title} ===`);
  await scenario.run();
}
