import { anonymiseText } from '@heard/domain';
import type { Db } from '../repositories/db';
import { DOMAIN_EVENT_TASK } from '../repositories/outbox';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces each needle (a customer's name, an identifier) wherever it stands in a text, in any
 * case, then masks every personal datum the scanner finds. Words inside longer words stay.
 */
export function scrubText(text: string, needles: readonly string[]): string {
  let out = text;
  for (const needle of needles) {
    if (needle.trim().length < 2) continue;
    out = out.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle.trim())}(?![\\p{L}\\p{N}])`, 'giu'),
      '[erased customer]',
    );
  }
  return anonymiseText(out);
}

/** Walks a JSON value and scrubs every string in it (digest contents, attachment metadata). */
export function scrubJson(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') return scrubText(value, needles);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, needles)]));
  return value;
}

export interface AnonymisedCounts {
  insights: number;
  stories: number;
  findingsRemoved: number;
  /** Attachments taken off the insights (their files are removed after the transaction). */
  attachments: { id: string; fileName: string }[];
}

/**
 * Anonymises the personal parts of insights in one transaction: title, body, story texts,
 * the link back to the raw message, attachments when asked; findings and originals go. What the insight
 * says about the customer's situation stays, so the organisation keeps the learning. Search,
 * chat cards and other listeners hear of it through the outbox (`insight.edited`).
 */
export async function anonymiseInsights(
  tx: Db,
  ids: readonly string[],
  options: {
    reason: 'retention' | 'erasure';
    at: Date;
    needles?: readonly string[];
    /** Erasure removes attachments; retention anonymises text and keeps pictures of the product. */
    dropAttachments?: boolean;
  },
): Promise<AnonymisedCounts> {
  const counts: AnonymisedCounts = { insights: 0, stories: 0, findingsRemoved: 0, attachments: [] };
  if (ids.length === 0) return counts;
  const needles = options.needles ?? [];
  // A few statements per batch rather than per insight: erasing a customer with thousands of
  // insights stays one short transaction.
  const rows =
    await tx`select id, title, body, attachments from insights where id = any(${ids}) order by id for update`;
  if (options.dropAttachments)
    counts.attachments = rows.flatMap((r) => (r.attachments as { id: string; fileName: string }[]) ?? []);
  if (rows.length === 0) return counts;
  const changed = rows.map((r) => ({
    id: r.id as string,
    title: (scrubText(r.title as string, needles) || 'Anonymised insight').slice(0, 140),
    body: (scrubText(r.body as string, needles) || '(anonymised)').slice(0, 20000),
  }));
  const found = changed.map((r) => r.id);
  await tx`
    update insights i set title = c.title, body = c.body, source_url = null,
      attachments = ${options.dropAttachments ? tx`'[]'::jsonb` : tx`i.attachments`}, updated_at = ${options.at}
    from jsonb_to_recordset(${tx.json(changed as never)}::jsonb) as c(id uuid, title text, body text)
    where i.id = c.id`;
  const stories =
    await tx`select insight_id, headline, summary, pull_quote from stories where insight_id = any(${found})`;
  if (stories.length > 0) {
    const scrubbed = stories.map((st) => ({
      id: st.insight_id as string,
      headline: scrubText(st.headline as string, needles),
      summary: scrubText(st.summary as string, needles),
      pull_quote: st.pull_quote === null ? null : scrubText(st.pull_quote as string, needles),
    }));
    await tx`
      update stories s set headline = c.headline, summary = c.summary, pull_quote = c.pull_quote,
        hero_media = null, updated_at = ${options.at}
      from jsonb_to_recordset(${tx.json(scrubbed as never)}::jsonb) as c(id uuid, headline text, summary text, pull_quote text)
      where s.insight_id = c.id`;
    counts.stories = stories.length;
  }
  const removed = await tx`delete from pii_findings where insight_id = any(${found}) returning id`;
  counts.findingsRemoved = removed.length;
  await tx`
    insert into insight_anonymisations (insight_id, reason, at)
    select unnest(${found}::uuid[]), ${options.reason}, ${options.at}
    on conflict (insight_id) do update set reason = excluded.reason, at = excluded.at`;
  // The outbox, batched: the same job per insight that createOutbox().publish would add.
  await tx`
    select graphile_worker.add_job(${DOMAIN_EVENT_TASK}, json_build_object('type', 'insight.edited', 'insightId', id), max_attempts => 25)
    from unnest(${found}::uuid[]) as id`;
  counts.insights = found.length;
  return counts;
}
