import { ImportRefused, importCustomers, loadMapping } from '@heard/db';
import { buildPerson, useTestDatabase } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFile } from './files';

const database = useTestDatabase();
let admin: Person;

beforeAll(async () => {
  admin = await buildPerson(database.sql(), { roles: ['admin'] });
});

const run = (filePath: string, options: Partial<Parameters<typeof importCustomers>[1]> = {}) =>
  importCustomers(database.sql(), { filePath, source: 'crm', actorId: admin.id, ...options });

const names = async (like: string) =>
  (await database.sql()`select name from customers where name ilike ${like} order by name`).map(
    (r) => r.name as string,
  );

describe('importing customers from a CSV export', () => {
  it('creates customers with their identifiers, says where each came from, and saves the column mapping for the source', async () => {
    const file = csvFile(
      'Account ID,Company,E-mail,Telephone,Website,Tier,ARR\n' +
        'A-1,Lumen Freight GmbH,ops@lumen-freight.example,020 7946 0001,https://www.lumen-freight.example,Enterprise,"120,000"\n' +
        'A-2,Quill & Co,hello@quill.example,,quill.example,SMB,"9.500,00"\n',
    );
    const progress: number[] = [];
    const summary = await run(file, { source: 'Salesforce', onProgress: (p) => progress.push(p.lines) });
    expect(summary.run.status).toBe('done');
    expect(summary.run.counts).toMatchObject({ created: 2, matched: 0, rejected: 0 });
    expect(progress.at(-1)).toBe(3);
    const [lumen] = await database.sql()`
      select c.segment, c.value, json_agg(json_build_object('system', ci.system, 'value', ci.value, 'source', ci.source, 'detail', ci.source_detail) order by ci.system) as ids
      from customers c join customer_identifiers ci on ci.customer_id = c.id where c.name = 'Lumen Freight GmbH' group by c.id`;
    expect(lumen).toMatchObject({ segment: 'Enterprise', value: '120000.00' });
    expect(lumen!.ids).toEqual([
      {
        system: 'domain',
        value: 'lumen-freight.example',
        source: 'import:salesforce',
        detail: expect.stringMatching(/line 2$/),
      },
      {
        system: 'email',
        value: 'ops@lumen-freight.example',
        source: 'import:salesforce',
        detail: expect.stringMatching(/line 2$/),
      },
      {
        system: 'phone',
        value: '+442079460001',
        source: 'import:salesforce',
        detail: expect.stringMatching(/line 2$/),
      },
      {
        system: 'salesforce',
        value: 'A-1',
        source: 'import:salesforce',
        detail: expect.stringMatching(/line 2$/),
      },
    ]);
    const [quill] = await database.sql()`select value from customers where name = 'Quill & Co'`;
    expect(quill?.value).toBe('9500.00');
    expect(await loadMapping(database.sql(), 'customers', 'salesforce')).toMatchObject({
      id: 'Account ID',
      name: 'Company',
      email: 'E-mail',
      phone: 'Telephone',
      domain: 'Website',
      segment: 'Tier',
      value: 'ARR',
    });
  });

  it('imports the same file again without doubling anything', async () => {
    const file = csvFile(
      'id,name,email\nR-1,Rowan Dairy,info@rowan.example\nR-2,Stellar Kites,kites@stellar.example\n',
    );
    await run(file);
    const again = await run(
      csvFile('id,name,email\nR-1,Rowan Dairy,info@rowan.example\nR-2,Stellar Kites,kites@stellar.example\n'),
    );
    expect(again.run.counts).toMatchObject({ created: 0, matched: 2 });
    expect(await names('Rowan%')).toEqual(['Rowan Dairy']);
  });

  it('matches rows to known customers by identifier or name, and merges two known customers a row proves to be one', async () => {
    await run(csvFile('id,name\nM-1,Meridian Optics\nM-2,Meridian Optics Service\n'));
    const summary = await run(
      csvFile('id,name,support id\nM-1,MERIDIAN OPTICS LTD,77\n,Meridian Optics,\n'),
      {
        map: { 'identifier:support': 'support id' },
      },
    );
    expect(summary.run.counts).toMatchObject({ matched: 2, created: 0 });
    const merged = await run(csvFile('crm,support\nM-2,77\n'), {
      source: 'crm',
      map: { id: 'crm', 'identifier:support': 'support' },
    });
    expect(merged.run.rejections).toEqual([]);
    expect(merged.run.counts).toMatchObject({ merged: 1 });
    expect(await names('Meridian%')).toHaveLength(1);
  });

  it('reads UTF-8 with a byte-order mark, Windows-1252 and UTF-16, keeping accents', async () => {
    const bom = await run(csvFile('name,email\nZoë Ångström,zoe@angstrom.example\n', { bom: true }));
    expect(bom.encoding).toBe('utf-8');
    expect(bom.run.counts.created).toBe(1);
    const legacy = await run(
      csvFile('name;value\nMüller Bäckerei GmbH;€ 1.250,50\n', { encoding: 'windows-1252' }),
    );
    expect(legacy).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const [row] = await database.sql()`select name, value from customers where name like 'M%ller B%'`;
    expect(row).toEqual({ name: 'Müller Bäckerei GmbH', value: '1250.50' });
    expect(await names('Zoë%')).toEqual(['Zoë Ångström']);
    const wide = await run(csvFile('name\tsegment\nŁódź Pierogi Sp\tSMB\n', { encoding: 'utf-16le' }));
    expect(wide).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(await names('Łódź%')).toEqual(['Łódź Pierogi Sp']);
  });

  it('finds the delimiter by itself: semicolons, tabs and pipes', async () => {
    for (const [delimiter, name] of [
      [';', 'Semi Colon AG'],
      ['\t', 'Tab Stop Ltd'],
      ['|', 'Pipe Works Inc'],
    ] as const) {
      const summary = await run(csvFile(`name${delimiter}segment\n${name}${delimiter}SMB\n`));
      expect(summary.delimiter).toBe(delimiter);
      expect(summary.run.counts.created).toBe(1);
    }
  });

  it('refuses a file without a required column before importing any row, naming the columns it has', async () => {
    const [before] = await database.sql()`select count(*)::int as n from customers`;
    const refused = await run(csvFile('note,comment\nhello,there\n')).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect(refused.message).toContain(
      'No column names the customer: map at least one of name, id, email, phone, domain (for example --map name="<column>"). Columns in the file: "note", "comment".',
    );
    const [after] = await database.sql()`select count(*)::int as n from customers`;
    expect(after!.n).toBe(before!.n);
    const [runRow] =
      await database.sql()`select status, message from import_runs order by started_at desc limit 1`;
    expect(runRow).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('Nothing was imported'),
    });
  });

  it('says when the delimiter given does not split the file', async () => {
    const refused = await run(csvFile('name;email\nWrong Delim;x@y.example\n'), { delimiter: ',' }).catch(
      (e) => e,
    );
    expect(refused.message).toContain('single column');
    expect(refused.message).toContain('--delimiter');
  });

  it('refuses an empty file and a mapping to a column that is not there', async () => {
    expect((await run(csvFile('')).catch((e) => e)).message).toContain('empty');
    const refused = await run(csvFile('name\nX\n'), { map: { email: 'Mail' } }).catch((e) => e);
    expect(refused.message).toContain('The column "Mail" (for email) is not in the file.');
  });

  it('rejects bad rows with their line and reason and imports the rest: quotes, field counts, repeats, values', async () => {
    // Each row on a domain of its own: accounts whose addresses share a company domain are one account (next test).
    const file = csvFile(
      [
        'name,email,value',
        '"Comma, Quote ""Ltd""",cq@cq.example,10',
        '"Multi',
        'Line Co",ml@ml.example,20',
        'Too,Many,Fields,Here',
        '"Broken"Quote,bq@bq.example,5',
        'Comma Quote Ltd Copy,copy@copy.example,not money',
        'Repeat Inc,r@repeat.example,1',
        'Repeat Inc,r@repeat.example,1',
        ',,',
        'Last Good,lg@lg.example,3',
        '"Never closed,nc@nc.example,4',
        'Swallowed,sw@sw.example,5',
      ].join('\n'),
    );
    const summary = await run(file);
    expect(await names('Comma, Quote%')).toEqual(['Comma, Quote "Ltd"']);
    expect(await names('Multi%')).toEqual(['Multi Line Co']);
    expect(await names('Last Good')).toEqual(['Last Good']);
    expect(summary.run.counts).toMatchObject({ created: 5, duplicates: 1 });
    expect(summary.run.rejections).toEqual([
      { line: 5, reason: 'has 4 fields where the header has 3' },
      { line: 7, reason: 'value "not money" is not an amount' },
      { line: 9, reason: 'repeats line 8 exactly' },
      { line: 10, reason: 'is empty' },
      { line: 12, reason: expect.stringContaining('a quote opened on line 12 is never closed') },
    ]);
    expect(summary.run.counts.rejected).toBe(5);
    expect(await names('"Broken"Quote')).toEqual(['"Broken"Quote']);
  });

  it("takes an account's company email domain as its identifier: a second account on that domain is the same one", async () => {
    const summary = await run(
      csvFile(
        [
          'name,email',
          'Harbour Logistics Ltd,ops@harbour.example',
          'Harbour Freight Inc,billing@harbour.example',
          'Ines Harbour,ines@harbour.example',
          'Jonas Harbour,jonas@harbour.example',
          'Gmail One Ltd,one@gmail.com',
          'Gmail Two Ltd,two@gmail.com',
        ].join('\n'),
      ),
    );
    // People never take the domain, nor does free mail: only the second Harbour account is matched.
    expect(summary.run.counts).toMatchObject({ created: 5, matched: 1, rejected: 0 });
    const [harbour] = await database.sql()`
      select c.name, array_agg(i.value order by i.value) as ids from customers c
      join customer_identifiers i on i.customer_id = c.id where c.name like 'Harbour%' group by c.id`;
    expect(harbour).toEqual({
      name: 'Harbour Logistics Ltd',
      ids: ['billing@harbour.example', 'harbour.example', 'ops@harbour.example'],
    });
  });

  it('commits whole batches and resumes an interrupted import after the last committed one', async () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) => `B-${i},Batch Customer ${String(i).padStart(2, '0')} Works`,
    );
    const file = csvFile(`id,name\n${rows.join('\n')}\n`);
    let batches = 0;
    const stopped = await run(file, {
      batchSize: 10,
      onProgress: () => {
        if (++batches === 2) throw new Error('the machine went away');
      },
    }).catch((e) => e);
    expect(stopped.message).toContain('import the same file again to resume');
    expect(await names('Batch Customer%')).toHaveLength(20);
    const resumed = await run(file, { batchSize: 10 });
    expect(resumed.resumedAfterLine).toBe(21);
    expect(resumed.run.status).toBe('done');
    expect(resumed.run.counts).toMatchObject({ created: 25, rejected: 0 });
    expect(await names('Batch Customer%')).toHaveLength(25);
  });
});
