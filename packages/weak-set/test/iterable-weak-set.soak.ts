import { collectGarbage } from '@w/core/testing';
import { Alive, type Tracked } from '@w/test-support/alive';
import { SOAK_OPS, type SoakSubject, soak } from '@w/test-support/soak';
import { expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

// Soak (pnpm test:soak): SOAK_OPS random add/re-add/delete/drop operations on one set, with
// a forced collection every few thousand. The model is the member ids in insertion order,
// plus the objects the test keeps alive.

type Member = Tracked;

const LIVE_CAP = 2000; // objects kept alive at once: bounds what the heap may legitimately hold

class IterableWeakSetSoak implements SoakSubject {
  readonly set = new IterableWeakSet<Member>();
  readonly model = new Set<number>(); // member ids in insertion order, dropped ones until checked
  readonly alive = new Alive(); // the members the test keeps

  step(random: () => number): void {
    const roll = random();
    const member = this.alive.pickOrAdd(random);
    if (this.alive.size > LIVE_CAP || roll < 0.2) this.alive.dropOne(random);
    else if (roll < 0.5) this.add(member);
    else if (roll < 0.65) this.delete(member);
    else if (roll < 0.75) this.moveToEnd(member);
    else if (roll < 0.9) this.read(member);
    else if (roll < 0.98) this.pop();
    else if (roll < 0.9999) this.update(member, random);
    else this.clear();
  }

  add(member: Member): void {
    this.set.add(member);
    this.model.add(member.id);
  }

  delete(member: Member): void {
    const deleted = this.set.delete(member);
    if (deleted !== this.model.delete(member.id)) {
      throw new Error(`delete(${member.id}) gave ${deleted}`);
    }
  }

  moveToEnd(member: Member): void {
    this.delete(member);
    this.add(member);
  }

  read(member: Member): void {
    if (this.set.has(member) !== this.model.has(member.id)) {
      throw new Error(`has(${member.id}) gave ${!this.model.has(member.id)}`);
    }
  }

  // The oldest member still alive: every member before it in order must have been dropped
  // (those may come out too if not collected yet).
  pop(): void {
    let popped: Member;
    try {
      popped = this.set.pop();
    } catch (error) {
      const live = [...this.model].filter((id) => this.alive.has(id));
      if (error instanceof RangeError && live.length === 0) return;
      throw error;
    }
    for (const id of this.model) {
      if (id === popped.id) break;
      if (this.alive.has(id)) throw new Error(`pop() gave ${popped.id} before live ${id}`);
    }
    if (!this.model.delete(popped.id)) throw new Error(`pop() gave ${popped.id}, not a member`);
  }

  update(member: Member, random: () => number): void {
    const other = this.alive.pick(random)!;
    this.set.update([member, other]);
    this.model.add(member.id);
    this.model.add(other.id);
  }

  clear(): void {
    this.set.clear();
    this.model.clear();
  }

  check(): void {
    for (const id of this.model) if (!this.alive.has(id)) this.model.delete(id);
    expect(this.set.size).toBe(this.model.size);
    // Exact, in insertion order: nothing lost, nothing left.
    expect(Array.from(this.set, (member) => member.id)).toEqual([...this.model]);
  }

  dropAll(): void {
    this.alive.clear();
  }
}

it(`IterableWeakSet: ${SOAK_OPS} random operations lose nothing, leave nothing, leak nothing`, async () => {
  const subject = new IterableWeakSetSoak();
  await soak(subject, collectGarbage);
  expect(subject.set.size).toBe(0);
});
