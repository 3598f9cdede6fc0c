import { describe, expect, it } from 'vitest';
import { buildInsight, buildPerson } from './builders';
import { createInMemoryDeps, fixedClock } from './in-memory';

const reporter = buildPerson();
const newInsight = (externalId: string | null = null) => {
  const { id, evidenceCount, reactionCount, story, triage, updatedAt, ...rest } = buildInsight({
    reporterId: reporter.id,
    source: { kind: 'slack', url: null, externalId },
  });
  return rest;
};

describe('createInMemoryDeps', () => {
  it('keeps what a transaction wrote when its work succeeds', async () => {
    const { deps, state } = createInMemoryDeps({ people: [reporter] });
    await deps.transaction(async (tx) => {
      await tx.insights.create(newInsight());
      await tx.outbox.publish({ type: 'insight.posted', insightId: 'x' });
    });
    expect(state.insights.size).toBe(1);
    expect(state.events).toHaveLength(1);
  });

  it('restores every store when the work of a transaction throws, keeping the handles tests hold', async () => {
    const { deps, state } = createInMemoryDeps({ people: [reporter] });
    const { audit, events, insights } = state;
    await expect(
      deps.transaction(async (tx) => {
        await tx.insights.create(newInsight());
        await tx.audit.record({
          actorId: null,
          action: 'x',
          subject: { type: 'x', id: 'x' },
          details: {},
          at: new Date(),
        });
        await tx.outbox.publish({ type: 'insight.posted', insightId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(insights.size).toBe(0);
    expect(audit).toEqual([]);
    expect(events).toEqual([]);
    expect(state.audit).toBe(audit);
  });

  it('runs transactions one at a time', async () => {
    const { deps } = createInMemoryDeps();
    const order: string[] = [];
    const slow = deps.transaction(async () => {
      order.push('first starts');
      for (let tick = 0; tick < 10; tick++) await Promise.resolve();
      order.push('first ends');
    });
    const fast = deps.transaction(async () => {
      order.push('second');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });

  it('hands out copies, so changing a row read does not change the store', async () => {
    const { deps, state } = createInMemoryDeps({ people: [reporter] });
    const person = await deps.people.findById(reporter.id);
    person!.roles.push('admin');
    expect(state.people.get(reporter.id)?.roles).toEqual(['frontline']);
  });

  it('refuses a second insight from the same source message, as the unique index does', async () => {
    const { deps } = createInMemoryDeps({ people: [reporter] });
    await deps.insights.create(newInsight('m-1'));
    await expect(deps.insights.create(newInsight('m-1'))).rejects.toThrow(/unique/);
    await expect(deps.insights.create(newInsight(null))).resolves.toBeDefined();
    await expect(deps.insights.create(newInsight(null))).resolves.toBeDefined();
  });

  it('refuses rows pointing at nothing, as foreign keys do', async () => {
    const { deps } = createInMemoryDeps();
    await expect(deps.insights.create(newInsight())).rejects.toThrow(/foreign key/);
  });

  it('finds people by email whatever the case', async () => {
    const { deps } = createInMemoryDeps({ people: [buildPerson({ email: 'Ana@Example.com' })] });
    expect(await deps.people.findByEmail('ana@example.COM')).not.toBeNull();
  });
});

describe('fixedClock', () => {
  it('always answers the same instant until moved', () => {
    const clock = fixedClock('2026-01-15T09:00:00.000Z');
    expect(clock.now()).toEqual(new Date('2026-01-15T09:00:00.000Z'));
    clock.set('2026-02-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('refuses something that is not a date', () => {
    expect(() => fixedClock('soon')).toThrow();
  });
});
