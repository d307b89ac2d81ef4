import { asIs, describeMapUpsert, weakly } from '@w/test-support/test262-map-upsert';
import { WeakKeyMap } from '../../src';

// Values are kept as test262 has them; keys, held weakly, are objects standing in for its keys.
describeMapUpsert({ M: WeakKeyMap, key: weakly, value: asIs });
if (typeof (Map.prototype as any).getOrInsert === 'function') {
  describeMapUpsert({ M: Map, standsFor: 'WeakKeyMap', key: weakly, value: asIs });
}
