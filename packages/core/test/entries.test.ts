import * as core from '@w/core';
import * as internal from '@w/core/internal';
import { describe, expect, it } from 'vitest';
import { incompatibleReceiver } from '../src/receiver';

describe('@w/core entries', () => {
  it('the main entry is the user API only', () => {
    expect(Object.keys(core).sort()).toEqual(['canBeHeldWeakly', 'setUnraisableHook']);
  });

  it('the internal entry repeats nothing of the user API (siblings import that from @w/core)', () => {
    for (const name of Object.keys(core)) expect(internal).not.toHaveProperty(name);
    expect(typeof internal.createCellRegistry).toBe('function');
  });
});

describe('processShared', () => {
  it('hands every caller, and every copy of core, one value per name', () => {
    const name = `test-${Math.random()}`;
    const first = internal.processShared(name, () => ({ made: 1 }));
    expect(internal.processShared(name, () => ({ made: 2 }))).toBe(first);
    const slots = (globalThis as Record<symbol, Record<string, unknown>>)[
      Symbol.for('@w/core/process-shared@1')
    ];
    expect(slots?.[name]).toBe(first);
  });
});

describe('incompatibleReceiver', () => {
  it('names the method and what it was called on', () => {
    const error = incompatibleReceiver('WeakValueMap.prototype.get', 42);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      "Method WeakValueMap.prototype.get called on incompatible receiver 'number'",
    );
  });
});
