import type { Story } from '@heard/domain';
import { describe, expect, it } from 'vitest';
import { buildCustomer, buildGoal, buildInsight, buildPerson, buildTeam, useTestDatabase } from '../testing';
import { createInsightRepository } from './insight.repository';

const db = useTestDatabase();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const sorted = (ids: string[]) => [...ids].sort();

describe('insight repository', () => {
  it('creates an insight with its customers, goals, tags, audience and attachments, and finds it again', async () => {
    const sql = db.sql();
    const [reporter, reader] = [await buildPerson(sql), await buildPerson(sql)];
    const [acme, kestrel] = [await buildCustomer(sql), await buildCustomer(sql)];
    const goal = await buildGoal(sql);
    const createdAt = new Date('2026-01-15T09:00:00.123Z');
    const insights = createInsightRepository(sql);
    const insight = await insights.create({
      title: 'Charged twice after upgrading',
      body: 'Acme was **charged twice** after changing plan mid-month.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'slack', url: 'https://x.slack.com/archives/C1/p1', externalId: 'slack:1.2' },
      reporterId: reporter.id,
      customerIds: [acme.id, kestrel.id],
      tags: ['billing', 'invoices'],
      goals: [
        { goalId: goal.id, rationale: 'Billing complaint', linkedBy: reporter.id, linkedAt: createdAt },
      ],
      visibility: { scope: 'people', personIds: [reader.id, reader.id] },
      attachments: [
        { id: 'a1', fileName: 'bill.pdf', contentType: 'application/pdf', sizeBytes: 1234, url: null },
      ],
      createdAt,
    });
    expect(insight).toEqual({
      id: expect.any(String),
      title: 'Charged twice after upgrading',
      body: 'Acme was **charged twice** after changing plan mid-month.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'slack', url: 'https://x.slack.com/archives/C1/p1', externalId: 'slack:1.2' },
      reporterId: reporter.id,
      customerIds: sorted([acme.id, kestrel.id]),
      tags: ['billing', 'invoices'],
      goals: [
        { goalId: goal.id, rationale: 'Billing complaint', linkedBy: reporter.id, linkedAt: createdAt },
      ],
      visibility: { scope: 'people', personIds: [reader.id] },
      attachments: [
        { id: 'a1', fileName: 'bill.pdf', contentType: 'application/pdf', sizeBytes: 1234, url: null },
      ],
      triage: 'new',
      story: null,
      evidenceCount: 0,
      reactionCount: 0,
      createdAt,
      updatedAt: createdAt,
    });
    expect(await insights.findById(insight.id)).toEqual(insight);
  });

  it('stores a message from one source only once', async () => {
    const sql = db.sql();
    const source = { kind: 'teams' as const, url: null, externalId: 'teams:once' };
    await buildInsight(sql, { source });
    await expect(buildInsight(sql, { source })).rejects.toThrow(/insights_source_once/);
  });

  it('finds an insight by the id of its source message, within that source only', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql, { source: { kind: 'slack', url: null, externalId: 'slack:42' } });
    const insights = createInsightRepository(sql);
    expect((await insights.findBySourceExternalId('slack', 'slack:42'))?.id).toBe(insight.id);
    expect(await insights.findBySourceExternalId('teams', 'slack:42')).toBeNull();
    expect(await insights.findBySourceExternalId('slack', 'slack:43')).toBeNull();
  });

  it('answers null or nothing for unknown and malformed ids instead of throwing', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql);
    const insights = createInsightRepository(sql);
    expect(await insights.findById(UNKNOWN)).toBeNull();
    expect(await insights.findById('42')).toBeNull();
    expect(await insights.findByIds(['42', "'; select 1; --"])).toEqual([]);
    expect((await insights.findByIds([insight.id, UNKNOWN, '42'])).map((i) => i.id)).toEqual([insight.id]);
    await expect(insights.setTriage(['42'], 'triaged', new Date())).resolves.toBeUndefined();
  });

  it('updates only the fields given, and stamps when', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql, { tags: ['export'] });
    const at = new Date(insight.createdAt.getTime() + 60_000);
    const updated = await createInsightRepository(sql).update(
      insight.id,
      { title: 'Export is hidden', kind: 'request', sentiment: 'mixed', tags: ['export', 'reports'] },
      at,
    );
    expect(updated).toEqual({
      ...insight,
      title: 'Export is hidden',
      kind: 'request',
      sentiment: 'mixed',
      tags: ['export', 'reports'],
      updatedAt: at,
    });
  });

  it('changes who may read an insight, leaving nothing of the earlier audience behind', async () => {
    const sql = db.sql();
    const team = await buildTeam(sql);
    const reader = await buildPerson(sql);
    const insight = await buildInsight(sql);
    const insights = createInsightRepository(sql);
    const at = new Date();
    const toTeam = await insights.update(insight.id, { visibility: { scope: 'team', teamId: team.id } }, at);
    expect(toTeam.visibility).toEqual({ scope: 'team', teamId: team.id });
    const toPeople = await insights.update(
      insight.id,
      { visibility: { scope: 'people', personIds: [reader.id] } },
      at,
    );
    expect(toPeople.visibility).toEqual({ scope: 'people', personIds: [reader.id] });
    const toEveryone = await insights.update(insight.id, { visibility: { scope: 'everyone' } }, at);
    expect(toEveryone.visibility).toEqual({ scope: 'everyone' });
    const [row] =
      await sql`select visibility_team_id, visibility_person_ids from insights where id = ${insight.id}`;
    expect(row).toEqual({ visibility_team_id: null, visibility_person_ids: [] });
  });

  it("replaces an insight's customers", async () => {
    const sql = db.sql();
    const [a, b, c] = [await buildCustomer(sql), await buildCustomer(sql), await buildCustomer(sql)];
    const insight = await buildInsight(sql, { customerIds: [a.id, b.id] });
    const insights = createInsightRepository(sql);
    const replaced = await insights.update(insight.id, { customerIds: [b.id, c.id] }, new Date());
    expect(replaced.customerIds).toEqual(sorted([b.id, c.id]));
    expect((await insights.update(insight.id, { customerIds: [] }, new Date())).customerIds).toEqual([]);
  });

  it('counts a reaction once per person and emoji', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql);
    const [sam, chloe] = [await buildPerson(sql), await buildPerson(sql)];
    const insights = createInsightRepository(sql);
    const react = (personId: string, emoji: string) =>
      insights.addReaction({ insightId: insight.id, personId, emoji, createdAt: new Date() });
    expect(await react(sam.id, 'me-too')).toBe(true);
    expect(await react(sam.id, 'me-too')).toBe(false);
    expect(await react(sam.id, 'fire')).toBe(true);
    expect(await react(chloe.id, 'me-too')).toBe(true);
    expect(await react(chloe.id, 'me-too')).toBe(false);
    expect((await insights.findById(insight.id))?.reactionCount).toBe(3);
    const [row] = await sql`select count(*)::int as n from reactions where insight_id = ${insight.id}`;
    expect(row?.n).toBe(3);
  });

  it('adds evidence from further customers and counts it', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql);
    const [kestrel, harbor] = [await buildCustomer(sql), await buildCustomer(sql)];
    const curator = await buildPerson(sql, { roles: ['curator'] });
    const insights = createInsightRepository(sql);
    const createdAt = new Date('2026-01-16T10:00:00Z');
    const evidence = await insights.addEvidence({
      insightId: insight.id,
      customerId: kestrel.id,
      addedBy: curator.id,
      note: 'Kestrel said the same on a call.',
      createdAt,
    });
    expect(evidence).toEqual({
      id: expect.any(String),
      insightId: insight.id,
      customerId: kestrel.id,
      addedBy: curator.id,
      note: 'Kestrel said the same on a call.',
      createdAt,
    });
    const base = { insightId: insight.id, addedBy: curator.id, note: null, createdAt };
    await insights.addEvidence({ ...base, customerId: harbor.id });
    expect((await insights.findById(insight.id))?.evidenceCount).toBe(2);
  });

  it('links an insight to a goal once, keeping the first rationale', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql);
    const goal = await buildGoal(sql);
    const curator = await buildPerson(sql, { roles: ['curator'] });
    const insights = createInsightRepository(sql);
    const linkedAt = new Date('2026-01-17T08:30:00.5Z');
    await insights.linkGoal(insight.id, {
      goalId: goal.id,
      rationale: 'Churn signal',
      linkedBy: curator.id,
      linkedAt,
    });
    await insights.linkGoal(insight.id, {
      goalId: goal.id,
      rationale: 'Again',
      linkedBy: curator.id,
      linkedAt,
    });
    expect((await insights.findById(insight.id))?.goals).toEqual([
      { goalId: goal.id, rationale: 'Churn signal', linkedBy: curator.id, linkedAt },
    ]);
  });

  it('triages several insights at once and leaves the others alone', async () => {
    const sql = db.sql();
    const [a, b, untouched] = [await buildInsight(sql), await buildInsight(sql), await buildInsight(sql)];
    const insights = createInsightRepository(sql);
    const at = new Date(Date.now() + 60_000);
    await insights.setTriage([a.id, b.id, 'not-an-id'], 'archived', at);
    const found = await insights.findByIds([a.id, b.id, untouched.id]);
    const byId = new Map(found.map((i) => [i.id, i]));
    expect(byId.get(a.id)).toMatchObject({ triage: 'archived', updatedAt: at });
    expect(byId.get(b.id)).toMatchObject({ triage: 'archived', updatedAt: at });
    expect(byId.get(untouched.id)).toEqual(untouched);
  });

  it('writes a story as a draft, then publishes it over the draft', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql, { kind: 'praise', sentiment: 'positive' });
    const curator = await buildPerson(sql, { roles: ['curator'] });
    const insights = createInsightRepository(sql);
    const draft: Story = {
      headline: 'The invoice finally makes sense',
      summary: 'A controller thanked us.',
      pullQuote: null,
      heroMedia: null,
      status: 'draft',
      curatorId: curator.id,
      publishedAt: null,
    };
    const draftedAt = new Date('2026-01-20T09:00:00Z');
    await insights.setStory(insight.id, draft, draftedAt);
    expect(await insights.findById(insight.id)).toMatchObject({ story: draft, updatedAt: draftedAt });

    const published: Story = {
      ...draft,
      headline: 'Finance teams can read our invoices now',
      pullQuote: 'Finally, an invoice I understand.',
      heroMedia: { kind: 'image', url: 'https://example.com/hero.png', alt: 'An invoice' },
      status: 'published',
      publishedAt: new Date('2026-01-21T09:00:00.250Z'),
    };
    const publishedAt = new Date('2026-01-21T09:00:01Z');
    await insights.setStory(insight.id, published, publishedAt);
    expect(await insights.findById(insight.id)).toMatchObject({ story: published, updatedAt: publishedAt });
    const [row] = await sql`select count(*)::int as n from stories where insight_id = ${insight.id}`;
    expect(row?.n).toBe(1);
  });
});
