import type { SearchIndex } from '@heard/domain';
import type { Db } from '../repositories/db';
import { createOutbox } from '../repositories/outbox';
import { loadSearchDocuments } from '../search/search-documents.query';
import { anonymiseInsights, scrubJson, scrubText } from './anonymise-insights';
import type { AttachmentFiles } from './attachment-files';
import { type CustomerMatch, insightIdsOfCustomer } from './customer-lookup';
import { absorbedRecords, eraseMatchingRecords } from './erase-customer-records';
import { findEverywhereAll, type PlaceHit, textColumns, wordPattern } from './find-everywhere';
import type { Sql } from './sql';

/** One place an erasure reached, and what it did there. */
export interface ErasureStep {
  place: string;
  count: number;
  note: string;
}

export interface ErasureReport {
  customerId: string;
  erasedAt: string;
  steps: ErasureStep[];
  /** Where the erased identifiers were still found afterwards (should be empty). */
  remaining: { needle: string; hits: PlaceHit[]; searchHits: number }[];
  milliseconds: number;
}

export class ErasureRefusedError extends Error {
  readonly code = 'CUSTOMER.ON_LEGAL_HOLD';
}

/** Tables the sweep leaves alone: staff accounts, secrets, the append-only log, and indexes rebuilt through their port. */
const NOT_SWEPT = [
  'audit_events',
  // Other customers may share a word of the name or a value: only the erased one's rows change.
  'customers',
  'customer_identifiers',
  'people',
  'sessions',
  'api_tokens',
  'account_links',
  'auth_attempts',
  'pgmigrations',
  'search_documents',
  'search_words',
  'privacy_settings',
  'retention_policies',
  'digest_signing_key',
];

/** Columns that hold keys rather than words: a matching value there is a coincidence, not a mention. */
const NOT_SWEPT_COLUMNS = ['insights.source_external_id', 'insights.source_url'];

/**
 * Values distinctive enough to look for in free text, as whole words: the name, emails, and
 * identifiers with letters of at least 6 characters; bare numbers need 9 digits (a phone
 * number). Shorter ones (crm:123, support:300012) are deleted with their identifier row but not
 * swept, since they would match unrelated numbers.
 */
export function erasureNeedles(
  customer: Pick<CustomerMatch, 'name' | 'identifiers'>,
  /** Names of the records merged into the customer, which are erased with it. */
  otherNames: readonly string[] = [],
): string[] {
  const values = [customer.name, ...otherNames, ...customer.identifiers.map((i) => i.value)].map((v) =>
    v.trim(),
  );
  const distinctive = (v: string) =>
    /^[\d\s().+-]+$/.test(v)
      ? v.replace(/\D/g, '').length >= 9
      : v.length >= 6 || (v.length >= 4 && /\s/.test(v));
  return [...new Set(values.filter(distinctive))];
}

const tableExists = async (db: Db, table: string) =>
  Boolean((await db`select to_regclass(${table}) is not null as present`)[0]!.present);

/**
 * Erases what Heard holds about one customer: their record and identifiers, the personal parts
 * of the insights about them (anonymised, so the organisation keeps the learning), attachments,
 * evidence notes, comments, digests' archived copies, chat cards (replaced by "removed" by a
 * job) and search entries; then looks for every erased value everywhere and reports what it found.
 */
export async function eraseCustomer(
  sql: Sql,
  customer: CustomerMatch,
  options: {
    actorId: string | null;
    at: Date;
    searchIndexes: readonly SearchIndex[];
    via: 'web' | 'cli';
    /** The stored attachment files, removed once the database no longer points at them. */
    attachmentFiles?: AttachmentFiles;
  },
): Promise<ErasureReport> {
  const began = performance.now();
  const [hold] = await sql`
    select reason from legal_holds where released_at is null and subject_type = 'customer' and subject_id = ${customer.id}`;
  if (hold)
    throw new ErasureRefusedError(
      `This customer is under a legal hold ("${hold.reason}"): release the hold before erasing.`,
    );
  const absorbed = await absorbedRecords(sql, customer.id);
  const needles = erasureNeedles(
    customer,
    absorbed.map((a) => a.name),
  );
  const insightIds = await insightIdsOfCustomer(sql, customer.id);
  // Other insights that merely mention the customer are swept too, so their search entries must follow.
  const mentioning = needles.length
    ? (
        await sql`select id from insights where (title || ' ' || body) ~* any(${needles.map(wordPattern)})`
      ).map((r) => r.id as string)
    : [];
  const reindexIds = [...new Set([...insightIds, ...mentioning])];
  const steps: ErasureStep[] = [];
  const step = (place: string, count: number, note: string) => steps.push({ place, count, note });

  let dropped: { id: string }[] = [];
  await sql.begin(async (raw) => {
    const tx = raw as unknown as Db;
    const counts = await anonymiseInsights(tx, insightIds, {
      reason: 'erasure',
      at: options.at,
      needles,
      dropAttachments: true,
    });
    dropped = counts.attachments;
    step(
      'insights',
      counts.insights,
      'personal parts anonymised (names, identifiers, contact and payment details); the rest kept',
    );
    step('stories', counts.stories, 'headline, summary and quote anonymised; hero media removed');
    step('attachments', dropped.length, 'removed from the insights about this customer');
    step('masked originals', counts.findingsRemoved, 'intake findings and the originals kept aside deleted');
    const notes = await tx`
      update evidence set note = null where customer_id = ${customer.id} and note is not null returning id`;
    step('evidence notes', notes.length, 'notes about this customer cleared; the evidence still counts');
    if (await tableExists(tx, 'insight_comments')) {
      const comments = await tx`select id, body from insight_comments where insight_id = any(${insightIds})`;
      let changed = 0;
      for (const c of comments) {
        const body = scrubText(c.body as string, needles) || '(anonymised)';
        if (body === c.body) continue;
        await tx`update insight_comments set body = ${body} where id = ${c.id}`;
        changed++;
      }
      step('comments', changed, 'comments on those insights anonymised');
    }
    const identifiers =
      await tx`delete from customer_identifiers where customer_id = ${customer.id} returning value`;
    step('identifiers', identifiers.length, 'deleted');
    await tx`
      update customers set name = 'Erased customer', erased_at = ${options.at} where id = ${customer.id}`;
    step('customer record', 1, 'name replaced and marked erased; segment and value kept for counts');
    if (await tableExists(tx, 'customer_merges')) {
      const matching = await eraseMatchingRecords(
        tx,
        [customer.id, ...absorbed.map((a) => a.id)],
        options.at,
      );
      step(
        'merge records',
        matching.merges,
        'rows kept for undoing merges (undone ones too) left without the name or identifiers',
      );
      step(
        'possible duplicates',
        matching.reviews,
        'review-queue pairs involving this customer or the records merged into it deleted',
      );
    }
    const cards = await tx`
      update chat_cards set removed_at = ${options.at}
      where insight_id = any(${insightIds}) and removed_at is null returning id`;
    if (cards.length > 0)
      await tx`select graphile_worker.add_job('remove-chat-cards', ${{ cardIds: cards.map((c) => c.id) } as never}::json, max_attempts => 25)`;
    step('chat cards', cards.length, 'marked removed; a job replaces each posted card with "removed"');
    if (await tableExists(tx, 'digests')) {
      const digests = await tx`
        select id, content from digests
        where content is not null and (content::text ~* any(${needles.map(wordPattern)})
          or content::text ilike any(${insightIds.map((id) => `%${id}%`)}))`;
      for (const d of digests)
        await tx`update digests set content = ${tx.json(scrubJson(d.content, needles) as never)} where id = ${d.id}`;
      step(
        'digest archive',
        digests.length,
        'archived digests that mentioned this customer or their insights anonymised',
      );
    } else {
      step('digest archive', 0, 'no digest archive in this database yet');
    }
    const swept = await sweep(tx, needles);
    const outbox = createOutbox(tx);
    for (const id of mentioning)
      if (!insightIds.includes(id)) await outbox.publish({ type: 'insight.edited', insightId: id });
    for (const s of swept)
      step(`${s.table}.${s.column}`, s.rows, 'other mentions of the customer anonymised');
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${options.actorId}, 'customer.erased', 'customer', ${customer.id},
              ${tx.json({ via: options.via, steps } as never)}, ${options.at})`;
  });

  if (options.attachmentFiles)
    step(
      'attachment files',
      await options.attachmentFiles.remove(dropped),
      'deleted from the uploads directory',
    );
  const documents = await loadSearchDocuments(sql, { ids: reindexIds });
  const gone = reindexIds.filter((id) => !documents.some((d) => d.id === id));
  for (const index of options.searchIndexes) {
    if (documents.length > 0) await index.upsert(documents);
    if (gone.length > 0) await index.remove(gone);
    step(
      `search index (${index.engine})`,
      reindexIds.length,
      'entries rewritten from the anonymised insights',
    );
  }

  const remaining = [];
  // The customer's own rows were checked above; other customers may share a word of the name.
  const everywhere = await findEverywhereAll(sql, needles, [
    'customers',
    'customer_identifiers',
    'pgmigrations',
  ]);
  for (const needle of needles) {
    const hits = everywhere.get(needle)!;
    let searchHits = 0;
    for (const index of options.searchIndexes)
      searchHits += (
        await index.search({
          text: `"${needle}"`,
          scope: { personId: '00000000-0000-0000-0000-000000000000', teamId: null, seesEverything: true },
          limit: 1,
        })
      ).total;
    if (hits.length > 0 || searchHits > 0) remaining.push({ needle: mask(needle), hits, searchHits });
  }
  return {
    customerId: customer.id,
    erasedAt: options.at.toISOString(),
    steps,
    remaining,
    milliseconds: Math.round(performance.now() - began),
  };
}

/** Reports never repeat an erased value in full. */
const mask = (value: string) => `${value.slice(0, 2)}…(${value.length} characters)`;

/** Scrubs the needles out of every other text, JSON and array column where they still stand. */
async function sweep(tx: Db, needles: readonly string[]): Promise<PlaceHit[]> {
  if (needles.length === 0) return [];
  const patterns = needles.map(wordPattern);
  const reached: PlaceHit[] = [];
  for (const place of await textColumns(tx)) {
    if (NOT_SWEPT.includes(place.table) || NOT_SWEPT_COLUMNS.includes(`${place.table}.${place.column}`))
      continue;
    const rows = await tx`
      select ctid::text as ctid, ${tx(place.column)} as value from ${tx(place.table)}
      where ${tx(place.column)}::text ~* any(${patterns})`;
    for (const row of rows) {
      const value =
        place.type === 'text'
          ? scrubText(row.value as string, needles)
          : place.type === 'array'
            ? (row.value as string[]).map((v) => scrubText(v, needles))
            : tx.json(scrubJson(row.value, needles) as never);
      await tx`update ${tx(place.table)} set ${tx(place.column)} = ${value as never} where ctid = ${row.ctid}::tid`;
    }
    if (rows.length > 0) reached.push({ ...place, rows: rows.length });
  }
  return reached;
}
