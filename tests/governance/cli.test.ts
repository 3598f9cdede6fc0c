import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findEverywhere, runGovernanceCommand } from '@heard/db';
import { buildCustomer, buildInsight, useTestDatabase } from '@heard/db/testing';
import { createSearchEngines } from '@heard/search';
import { describe, expect, it } from 'vitest';

const db = useTestDatabase();

async function run(args: string[]) {
  const lines: string[] = [];
  const [command, ...rest] = args as ['export-customer' | 'erase-customer', ...string[]];
  const code = await runGovernanceCommand(db.sql(), command, rest, {
    searchIndexes: createSearchEngines({ sql: db.sql(), log: () => {} }).writable,
    print: (line) => lines.push(line),
  });
  return { code, out: lines.join('\n') };
}

describe('pnpm heard export-customer / erase-customer', () => {
  it('exports to a zip, refuses to erase without --yes, then erases and says each place it reached', async () => {
    const sql = db.sql();
    const customer = await buildCustomer(sql, {
      name: 'Cli Customer',
      kind: 'person',
      identifiers: [{ system: 'email', value: 'cli.customer@example.com' }],
    });
    await buildInsight(sql, { body: 'cli.customer@example.com asked for SSO.', customerIds: [customer.id] });
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'heard-export-')), 'export.zip');

    const exported = await run(['export-customer', 'cli.customer@example.com', '--out', out]);
    expect(exported).toEqual({ code: 0, out: `Wrote ${out}: Cli Customer, 1 insights, 0 attachment files.` });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    const unconfirmed = await run(['erase-customer', 'cli.customer@example.com']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.out).toContain('Run again with --yes');

    const erased = await run(['erase-customer', 'cli.customer@example.com', '--yes']);
    expect(erased.code).toBe(0);
    expect(erased.out).toMatch(/1 {2}identifiers: deleted/);
    expect(erased.out).toContain('found nowhere');
    expect(await findEverywhere(sql, 'cli.customer@example.com')).toEqual([]);

    const again = await run(['erase-customer', 'cli.customer@example.com', '--yes']);
    expect(again).toMatchObject({ code: 1, out: expect.stringContaining('No customer has that identifier') });
    expect((await run(['erase-customer'])).code).toBe(2);
  });
});
