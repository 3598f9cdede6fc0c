import { describe, expect, it } from 'vitest';
import { detectEncoding } from './decode';
import { resolveMapping } from './mapping';
import { parseAmount, parseCustomerKind } from './parse-value';
import { sniffDelimiter } from './sniff';

describe('reading what exports write', () => {
  it('finds the delimiter, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('name,city\n"Smith; Jones",Leeds\n"A, B",York\n')).toBe(',');
    expect(sniffDelimiter('name;note\n"a, b, c";x\nd;"e, f"\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('only one column\nvalue\n')).toBe(',');
  });

  it('tells UTF-8 (even cut mid-character) from Windows-1252, and reads byte-order marks', () => {
    const utf8 = Buffer.from('name\nMüller', 'utf-8');
    expect(detectEncoding(utf8, false)).toBe('utf-8');
    expect(detectEncoding(utf8.subarray(0, utf8.length - 4), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), false)).toBe('windows-1252');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), false)).toBe('utf-16le');
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), false)).toBe('utf-8');
  });

  it('reads amounts in the ways spreadsheets write them', () => {
    expect(parseAmount('12500')).toBe(12500);
    expect(parseAmount('€ 12.500,50')).toBe(12500.5);
    expect(parseAmount('$12,500.50')).toBe(12500.5);
    expect(parseAmount('12,500')).toBe(12500);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('1.250.000')).toBe(1250000);
    expect(parseAmount('CHF 1 200')).toBe(1200);
    expect(parseAmount('lots')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });

  it('reads the customer kind from the words systems use', () => {
    expect(parseCustomerKind('Company')).toBe('account');
    expect(parseCustomerKind(' contact ')).toBe('person');
    expect(parseCustomerKind('lead')).toBeNull();
  });

  it('maps columns by name, keeps saved choices only while the column exists, and names columns that are missing', () => {
    const headers = ['Org', 'E-mail', 'Annual Revenue'];
    const { mapping, problems } = resolveMapping(
      'customers',
      headers,
      { value: 'Annual Revenue' },
      { name: 'Org', phone: 'Tel' },
    );
    expect(mapping).toEqual({ name: 'Org', email: 'E-mail', value: 'Annual Revenue' });
    expect(problems).toEqual([]);
    expect(resolveMapping('customers', headers, { email: 'Mail' }).problems).toEqual([
      'The column "Mail" (for email) is not in the file.',
    ]);
    expect(resolveMapping('customers', headers, { colour: 'Org' }).problems[0]).toContain(
      '"colour" is not a field of customers',
    );
  });
});
