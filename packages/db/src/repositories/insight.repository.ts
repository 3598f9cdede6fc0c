import type { InsightRepository } from '@heard/domain';
import { type Db, isUuid, onlyUuids } from './db';
import { listFeed } from './feed.query';
import { INSIGHT_SELECT, insightToDomain, visibilityToPersistence } from './insight.mapper';

/** Insights with their customers, goals, reactions, evidence and stories, on PostgreSQL. */
export function createInsightRepository(db: Db): InsightRepository {
  const findById = async (id: string) => {
    if (!isUuid(id)) return null;
    const [row] = await db.unsafe(`${INSIGHT_SELECT} where i.id = $1`, [id]);
    return row ? insightToDomain(row) : null;
  };
  return {
    findById,
    async findByIds(ids) {
      const valid = onlyUuids(ids);
      if (valid.length === 0) return [];
      const rows = await db.unsafe(`${INSIGHT_SELECT} where i.id = any($1::uuid[])`, [valid]);
      return rows.map(insightToDomain);
    },
    async findBySourceExternalId(sourceKind, externalId) {
      const rows = await db.unsafe(
        `${INSIGHT_SELECT} where i.source_kind = $1 and i.source_external_id = $2`,
        [sourceKind, externalId],
      );
      return rows[0] ? insightToDomain(rows[0]) : null;
    },
    async create(insight) {
      const [row] = await db`
        insert into insights ${db({
          title: insight.title,
          body: insight.body,
          kind: insight.kind,
          sentiment: insight.sentiment,
          source_kind: insight.source.kind,
          source_url: insight.source.url,
          source_external_id: insight.source.externalId,
          reporter_id: insight.reporterId,
          tags: insight.tags,
          ...visibilityToPersistence(insight.visibility),
          attachments: db.json(insight.attachments as never),
          created_at: insight.createdAt,
          updated_at: insight.createdAt,
        } as never)}
        returning id`;
      const id = row!.id as string;
      await replaceCustomers(db, id, insight.customerIds);
      for (const link of insight.goals) {
        await db`insert into insight_goals (insight_id, goal_id, rationale, linked_by, linked_at)
                 values (${id}, ${link.goalId}, ${link.rationale}, ${link.linkedBy}, ${link.linkedAt})`;
      }
      return (await findById(id))!;
    },
    async update(id, changes, at) {
      const columns: Record<string, unknown> = { updated_at: at };
      if (changes.title !== undefined) columns.title = changes.title;
      if (changes.body !== undefined) columns.body = changes.body;
      if (changes.kind !== undefined) columns.kind = changes.kind;
      if (changes.sentiment !== undefined) columns.sentiment = changes.sentiment;
      if (changes.tags !== undefined) columns.tags = changes.tags;
      if (changes.visibility !== undefined)
        Object.assign(columns, visibilityToPersistence(changes.visibility));
      await db`update insights set ${db(columns as never)} where id = ${id}`;
      if (changes.customerIds !== undefined) await replaceCustomers(db, id, changes.customerIds);
      return (await findById(id))!;
    },
    async addReaction(reaction) {
      const inserted = await db`
        insert into reactions (insight_id, person_id, emoji, created_at)
        values (${reaction.insightId}, ${reaction.personId}, ${reaction.emoji}, ${reaction.createdAt})
        on conflict do nothing returning 1`;
      if (inserted.length === 0) return false;
      await db`update insights set reaction_count = reaction_count + 1 where id = ${reaction.insightId}`;
      return true;
    },
    async addEvidence(evidence) {
      const [row] = await db`
        insert into evidence (insight_id, customer_id, added_by, note, created_at)
        values (${evidence.insightId}, ${evidence.customerId}, ${evidence.addedBy}, ${evidence.note}, ${evidence.createdAt})
        returning id`;
      await db`update insights set evidence_count = evidence_count + 1 where id = ${evidence.insightId}`;
      return { ...evidence, id: row!.id as string };
    },
    async linkGoal(insightId, link) {
      await db`insert into insight_goals (insight_id, goal_id, rationale, linked_by, linked_at)
               values (${insightId}, ${link.goalId}, ${link.rationale}, ${link.linkedBy}, ${link.linkedAt})
               on conflict do nothing`;
    },
    async setTriage(ids, state, at) {
      await db`update insights set triage = ${state}, updated_at = ${at} where id = any(${onlyUuids(ids)}::uuid[])`;
    },
    async setStory(id, story, at) {
      await db`
        insert into stories (insight_id, headline, summary, pull_quote, hero_media, status, curator_id, published_at, updated_at)
        values (${id}, ${story.headline}, ${story.summary}, ${story.pullQuote},
                ${story.heroMedia ? db.json(story.heroMedia as never) : null}, ${story.status}, ${story.curatorId},
                ${story.publishedAt}, ${at})
        on conflict (insight_id) do update set headline = excluded.headline, summary = excluded.summary,
          pull_quote = excluded.pull_quote, hero_media = excluded.hero_media, status = excluded.status,
          curator_id = excluded.curator_id, published_at = excluded.published_at, updated_at = excluded.updated_at`;
      await db`update insights set updated_at = ${at} where id = ${id}`;
    },
    listFeed: (query) => listFeed(db, query),
  };
}

/** Sets the customers an insight concerns, and what they are worth together (the feed ranks by it). */
async function replaceCustomers(db: Db, insightId: string, customerIds: readonly string[]): Promise<void> {
  await db`delete from insight_customers where insight_id = ${insightId}`;
  for (const customerId of customerIds) {
    await db`insert into insight_customers (insight_id, customer_id) values (${insightId}, ${customerId})`;
  }
  await db`
    update insights set customer_value = coalesce((
      select sum(coalesce(c.value, 0)) from insight_customers ic join customers c on c.id = ic.customer_id
      where ic.insight_id = ${insightId}), 0)
    where id = ${insightId}`;
}
