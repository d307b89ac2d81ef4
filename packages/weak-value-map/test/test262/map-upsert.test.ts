import { asIs, describeMapUpsert, weakly } from '@w/test-support/test262-map-upsert';
import { WeakValueMap } from '../../src';

// Keys are kept as test262 has them; values, held weakly, are objects standing in for its values.
describeMapUpsert({ M: WeakValueMap, key: asIs, value: weakly });
if (typeof (Map.prototype as any).getOrInsert === 'function') {
  describeMapUpsert({ M: Map, standsFor: 'WeakValueMap', key: asIs, value: weakly });
}
