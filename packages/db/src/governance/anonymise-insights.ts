import { anonymiseText } from '@heard/domain';
import type { Db } from '../repositories/db';
import { createOutbox } from '../repositories/outbox';

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
}

/**
 * Anonymises the personal parts of insights in one transaction: title, body, story texts,
 * the link back to the raw message, attachments; findings and originals go. What the insight
 * says about the customer's situation stays, so the organisation keeps the learning. Search,
 * chat cards and other listeners hear of it through the outbox (`insight.edited`).
 */
export async function anonymiseInsights(
  tx: Db,
  ids: readonly string[],
  options: { reason: 'retention' | 'erasure'; at: Date; needles?: readonly string[] },
): Promise<AnonymisedCounts> {
  const counts: AnonymisedCounts = { insights: 0, stories: 0, findingsRemoved: 0 };
  const needles = options.needles ?? [];
  const outbox = createOutbox(tx);
  for (const id of ids) {
    const [row] = await tx`select title, body from insights where id = ${id} for update`;
    if (!row) continue;
    const title = scrubText(row.title as string, needles) || 'Anonymised insight';
    const body = scrubText(row.body as string, needles) || '(anonymised)';
    await tx`
      update insights set title = ${title.slice(0, 140)}, body = ${body.slice(0, 20000)}, source_url = null,
        attachments = '[]'::jsonb, updated_at = ${options.at}
      where id = ${id}`;
    const [story] = await tx`select headline, summary, pull_quote from stories where insight_id = ${id}`;
    if (story) {
      await tx`
        update stories set headline = ${scrubText(story.headline as string, needles)},
          summary = ${scrubText(story.summary as string, needles)},
          pull_quote = ${story.pull_quote === null ? null : scrubText(story.pull_quote as string, needles)},
          hero_media = null, updated_at = ${options.at}
        where insight_id = ${id}`;
      counts.stories++;
    }
    const removed = await tx`delete from pii_findings where insight_id = ${id} returning id`;
    counts.findingsRemoved += removed.length;
    await tx`
      insert into insight_anonymisations (insight_id, reason, at) values (${id}, ${options.reason}, ${options.at})
      on conflict (insight_id) do update set reason = excluded.reason, at = excluded.at`;
    await outbox.publish({ type: 'insight.edited', insightId: id });
    counts.insights++;
  }
  return counts;
}
