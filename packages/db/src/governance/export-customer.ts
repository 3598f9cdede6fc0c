import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import type { Db } from '../repositories/db';
import { type CustomerMatch, insightIdsOfCustomer } from './customer-lookup';
import type { Sql } from './sql';

/** Reads an attachment's bytes where Heard stores them; null when only a link is kept. */
export type AttachmentReader = (attachment: {
  id: string;
  fileName: string;
  url: string | null;
}) => Promise<Buffer | null>;

export interface CustomerExport {
  json: Record<string, unknown>;
  attachments: { path: string; bytes: Buffer }[];
}

const tableExists = async (db: Db, table: string) =>
  Boolean((await db`select to_regclass(${table}) is not null as present`)[0]!.present);

/**
 * Everything Heard holds about one customer (a data subject access request): the record and
 * identifiers, the insights about them with stories, evidence, comments and the originals
 * kept aside at intake, chat cards posted about them, and legal holds. Recorded in the audit log.
 */
export async function exportCustomer(
  sql: Sql,
  customer: CustomerMatch,
  options: { actorId: string | null; at: Date; via: 'web' | 'cli'; readAttachment?: AttachmentReader },
): Promise<CustomerExport> {
  const insightIds = await insightIdsOfCustomer(sql, customer.id);
  const [record] =
    await sql`select id, name, kind, segment, value, created_at, erased_at from customers where id = ${customer.id}`;
  const identifiers =
    await sql`select * from customer_identifiers where customer_id = ${customer.id} order by system, value`;
  const insights = await sql`
    select i.id, i.title, i.body, i.kind, i.sentiment, i.source_kind, i.source_url, i.created_at, i.updated_at,
           i.attachments, p.name as reporter,
           (select row_to_json(s) from (select headline, summary, pull_quote, status, published_at from stories
              where insight_id = i.id) s) as story
    from insights i left join people p on p.id = i.reporter_id
    where i.id = any(${insightIds}) order by i.created_at`;
  const evidence = await sql`
    select e.insight_id, e.note, e.created_at, p.name as added_by from evidence e left join people p on p.id = e.added_by
    where e.customer_id = ${customer.id} order by e.created_at`;
  const originals = await sql`
    select f.insight_id, f.field, f.kind, f.shown, o.original, o.kept_at
    from pii_findings f join pii_originals o on o.finding_id = f.id
    where f.insight_id = any(${insightIds}) order by f.id`;
  const cards = await sql`
    select platform, insight_id, card_kind, posted_at, removed_at from chat_cards where insight_id = any(${insightIds})`;
  const holds = await sql`
    select reason, placed_at, released_at from legal_holds where subject_type = 'customer' and subject_id = ${customer.id}`;
  const comments = (await tableExists(sql, 'insight_comments'))
    ? await sql`
        select c.insight_id, c.body, c.created_at, p.name as author from insight_comments c
        left join people p on p.id = c.author_id where c.insight_id = any(${insightIds}) order by c.created_at`
    : [];

  const attachments: CustomerExport['attachments'] = [];
  const attachmentIndex: Record<string, unknown>[] = [];
  for (const insight of insights) {
    for (const a of (insight.attachments as { id: string; fileName: string; url: string | null }[]) ?? []) {
      const bytes = options.readAttachment ? await options.readAttachment(a) : null;
      const path = bytes ? `attachments/${insight.id}/${a.id}-${a.fileName.replace(/[/\\]/g, '_')}` : null;
      if (bytes && path) attachments.push({ path, bytes });
      attachmentIndex.push({ insightId: insight.id, ...a, inArchive: path });
    }
  }

  const json = {
    exportedAt: options.at.toISOString(),
    about:
      'Everything Heard holds about this customer. Insights are shown as stored; personal data masked at intake is listed under maskedOriginals where the policy kept it.',
    customer: record,
    identifiers,
    insights,
    evidence,
    comments,
    maskedOriginals: originals,
    attachments: attachmentIndex,
    chatCards: cards,
    legalHolds: holds,
  };
  await sql`
    insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
    values (${options.actorId}, 'customer.exported', 'customer', ${customer.id},
            ${sql.json({ via: options.via, insights: insights.length, attachments: attachments.length } as never)}, ${options.at})`;
  return { json, attachments };
}

/** The export as a zip: customer.json plus the attachment files. */
export function customerExportZip(data: CustomerExport): PassThrough {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(data.json, null, 2)), 'customer.json');
  for (const a of data.attachments) zip.addBuffer(a.bytes, a.path);
  zip.end();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  return out;
}
