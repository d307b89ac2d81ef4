import type { Scenario } from './scenario';

// Each package's scenarios, in tutorial order.
const scenarios: Scenario[] = [];

for (const scenario of scenarios) {
  console.log(`\n=== ${scenario.title} ===`);
  await scenario.run();
}
