import { describeCounts, importInsights, savePiiPolicy, summaryText } from '@heard/db';
import { buildPerson, useTestDatabase } from '@heard/db/testing';
import { completePiiPolicy, DEFAULT_PII_POLICY, type Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFile } from './files';

const database = useTestDatabase();
let curator: Person;

beforeAll(async () => {
  curator = await buildPerson(database.sql(), { roles: ['curator'] });
});

const run = (filePath: string) =>
  importInsights(database.sql(), { filePath, source: 'zendesk', actorId: curator.id });

const stored = (externalId: string) =>
  database.sql()`
    select i.id, i.title, i.body,
      coalesce((select json_agg(json_build_object('field', f.field, 'kind', f.kind, 'action', f.action, 'original', o.original) order by f.id)
                from pii_findings f left join pii_originals o on o.finding_id = f.id where f.insight_id = i.id), '[]') as findings,
      (select details from audit_events a where a.action = 'insight.pii_guarded' and a.subject_id = i.id::text) as audit
    from insights i where i.source_external_id = ${externalId}`;

describe('personal data in imported insights', () => {
  it('is masked as posting masks it, originals kept aside only where the policy says, each masking audited', async () => {
    const file = csvFile(
      'Ticket ID,Subject,Comment\n' +
        'P-1,Call back anna.lindqvist@example.com,"Anna (+44 20 7946 0958) asked us to write to anna.lindqvist@example.com."\n' +
        'P-2,Double charge,Read out her card 4111 1111 1111 1111 and was charged twice.\n' +
        'P-3,Export,Exports take all afternoon.\n',
    );
    const summary = await run(file);
    expect(summary.run.counts).toMatchObject({ created: 3, rejected: 0, 'pii masked': 2 });
    expect(describeCounts('insights', summary.run.counts)).toContain('personal data masked in 2 rows');
    expect(summaryText(summary, 1)).toContain('personal data masked in 2 rows');

    const [contact] = await stored('zendesk:P-1');
    expect(contact).toMatchObject({
      title: 'Call back [email address hidden]',
      body: 'Anna ([phone number hidden]) asked us to write to [email address hidden].',
      findings: [
        { field: 'title', kind: 'email', action: 'masked', original: 'anna.lindqvist@example.com' },
        { field: 'body', kind: 'phone', action: 'masked', original: '+44 20 7946 0958' },
        { field: 'body', kind: 'email', action: 'masked', original: 'anna.lindqvist@example.com' },
      ],
      audit: { 'masked.email': 2, 'masked.phone': 1 },
    });
    const [card] = await stored('zendesk:P-2');
    expect(card!.body).toBe('Read out her card [card ending 1111] and was charged twice.');
    // Card numbers are never kept, not even aside.
    expect(card!.findings).toEqual([{ field: 'body', kind: 'card', action: 'masked', original: null }]);
    const [plain] = await stored('zendesk:P-3');
    expect(plain).toMatchObject({ body: 'Exports take all afternoon.', findings: [], audit: null });

    // The values themselves are nowhere but in the originals kept aside.
    const leaks = await database.sql()`
      select (select count(*) from insights where body || title like '%4111 1111%' or body || title like '%anna.lindqvist%')::int as insights,
             (select count(*) from audit_events where details::text like '%anna.lindqvist%')::int as audit`;
    expect(leaks).toEqual([{ insights: 0, audit: 0 }]);
  });

  it('rejects rows the policy refuses, with line and reason, and keeps-and-flags what it says to keep', async () => {
    const sql = database.sql();
    const admin = await buildPerson(sql, { roles: ['admin'] });
    await savePiiPolicy(
      sql,
      completePiiPolicy({
        ...DEFAULT_PII_POLICY,
        card: { action: 'reject', keepOriginal: false },
        email: { action: 'flag', keepOriginal: false },
      }),
      admin.id,
      new Date(),
    );
    const summary = await run(
      csvFile(
        'id,text\n' +
          'Q-1,Paid with 4111 1111 1111 1111 and nothing arrived.\n' +
          'Q-2,Reply to kim@example.net about the invoice.\n' +
          'Q-3,Nothing personal here.\n',
      ),
    );
    expect(summary.run.counts).toMatchObject({ created: 2, rejected: 1, 'pii masked': 0, 'pii flagged': 1 });
    expect(summary.run.rejections).toEqual([
      {
        line: 2,
        reason:
          'Remove the payment card number from the text and share again: this organisation does not accept them in insights.',
      },
    ]);
    expect(await stored('zendesk:Q-1')).toEqual([]);
    const [flagged] = await stored('zendesk:Q-2');
    expect(flagged).toMatchObject({
      body: 'Reply to kim@example.net about the invoice.',
      findings: [{ field: 'body', kind: 'email', action: 'flagged', original: null }],
      audit: { 'flagged.email': 1 },
    });
    expect(describeCounts('insights', summary.run.counts)).toContain(
      'personal data kept and flagged in 1 row',
    );
  });
});
