import type { DomainEvent } from '@heard/domain';
import { describe, expect, it } from 'vitest';
import { buildPerson, queuedJobs, useTestDatabase } from '../testing';
import { createDeps } from './index';
import { createOutbox, DOMAIN_EVENT_TASK } from './outbox';

const db = useTestDatabase();

describe('outbox', () => {
  it('queues a domain-event job carrying the event when the transaction commits', async () => {
    const sql = db.sql();
    await sql`delete from graphile_worker._private_jobs`;
    const event: DomainEvent = {
      type: 'evaluation.recorded',
      evaluationId: 'c0ffee00-0000-4000-8000-000000000001',
      notifyPersonIds: ['c0ffee00-0000-4000-8000-000000000002', 'c0ffee00-0000-4000-8000-000000000003'],
    };
    await createDeps(sql).transaction(async (tx) => {
      await tx.outbox.publish(event);
      // Not visible to anyone else before the commit.
      expect(await queuedJobs(sql)).toEqual([]);
    });
    expect(DOMAIN_EVENT_TASK).toBe('domain-event');
    expect(await queuedJobs(sql)).toEqual([{ task: 'domain-event', payload: event }]);
    const [job] = await sql`select max_attempts, attempts, run_at <= now() as due from graphile_worker.jobs`;
    expect(job).toEqual({ max_attempts: 25, attempts: 0, due: true });
  });

  it('queues the write and its event together, or neither when the transaction throws afterwards', async () => {
    const sql = db.sql();
    await sql`delete from graphile_worker._private_jobs`;
    const reporter = await buildPerson(sql);
    let insightId = '';
    const attempt = createDeps(sql).transaction(async (tx) => {
      const insight = await tx.insights.create({
        title: 'Doomed',
        body: 'Never committed.',
        kind: 'pain',
        sentiment: 'negative',
        source: { kind: 'web', url: null, externalId: null },
        reporterId: reporter.id,
        customerIds: [],
        tags: [],
        goals: [],
        visibility: { scope: 'everyone' },
        attachments: [],
        createdAt: new Date(),
      });
      insightId = insight.id;
      await tx.outbox.publish({ type: 'insight.posted', insightId });
      throw new Error('something after publish failed');
    });
    await expect(attempt).rejects.toThrow('something after publish failed');
    expect(insightId).not.toBe('');
    expect(await queuedJobs(sql)).toEqual([]);
    expect(await sql`select 1 from insights where id = ${insightId}`).toHaveLength(0);
  });

  it('queues one job per event, in the order published', async () => {
    const sql = db.sql();
    await sql`delete from graphile_worker._private_jobs`;
    const events: DomainEvent[] = [
      { type: 'insight.posted', insightId: 'c0ffee00-0000-4000-8000-00000000000a' },
      {
        type: 'insight.linked_to_goal',
        insightId: 'c0ffee00-0000-4000-8000-00000000000a',
        goalId: 'g',
        linkedBy: 'p',
      },
      { type: 'story.published', insightId: 'c0ffee00-0000-4000-8000-00000000000a' },
    ];
    await sql.begin(async (tx) => {
      const outbox = createOutbox(tx);
      for (const event of events) await outbox.publish(event);
    });
    expect(await queuedJobs(sql)).toEqual(events.map((payload) => ({ task: 'domain-event', payload })));
  });
});
