import type { Db } from '../repositories/db';

export type ImportKind = 'customers' | 'insights';

/** Target field → the file's column header. `identifier:<system>` fields name further id columns. */
export type ColumnMapping = Record<string, string>;

interface FieldSpec {
  label: string;
  required?: boolean;
  /** Headers that mean this field, compared without case, spaces or punctuation. */
  synonyms: string[];
}

const customerFields: Record<string, FieldSpec> = {
  name: {
    label: 'customer name',
    synonyms: [
      'name',
      'customer',
      'customername',
      'company',
      'companyname',
      'account',
      'accountname',
      'fullname',
      'contactname',
      'organisation',
      'organization',
      'client',
    ],
  },
  id: {
    label: "the source system's id",
    synonyms: ['id', 'customerid', 'accountid', 'crmid', 'externalid', 'recordid', 'clientid'],
  },
  kind: { label: 'person or account', synonyms: ['kind', 'type', 'customertype'] },
  email: { label: 'email', synonyms: ['email', 'emailaddress', 'mail', 'contactemail', 'requesteremail'] },
  phone: { label: 'phone', synonyms: ['phone', 'telephone', 'phonenumber', 'mobile', 'tel'] },
  domain: { label: 'web domain', synonyms: ['domain', 'website', 'web', 'url', 'companydomain'] },
  segment: { label: 'segment', synonyms: ['segment', 'tier', 'plan', 'customersegment'] },
  value: {
    label: 'yearly value',
    synonyms: ['value', 'revenue', 'arr', 'annualrevenue', 'yearlyvalue', 'acv'],
  },
};

const insightFields: Record<string, FieldSpec> = {
  body: {
    label: 'text',
    required: true,
    synonyms: [
      'body',
      'text',
      'comment',
      'comments',
      'feedback',
      'message',
      'description',
      'note',
      'review',
      'verbatim',
    ],
  },
  id: {
    label: "the source system's id",
    synonyms: ['id', 'ticketid', 'responseid', 'externalid', 'recordid'],
  },
  title: { label: 'title', synonyms: ['title', 'subject', 'summary', 'headline'] },
  kind: { label: 'kind', synonyms: ['kind', 'type', 'category'] },
  sentiment: { label: 'sentiment', synonyms: ['sentiment', 'mood', 'tone'] },
  tags: { label: 'tags', synonyms: ['tags', 'labels', 'topics'] },
  customer: {
    label: 'customer name',
    synonyms: ['customer', 'customername', 'company', 'account', 'accountname', 'requester', 'name'],
  },
  customer_email: {
    label: 'customer email',
    synonyms: ['email', 'customeremail', 'requesteremail', 'contactemail'],
  },
  customer_id: {
    label: "the customer's id in the source",
    synonyms: ['customerid', 'accountid', 'crmid', 'requesterid', 'clientid'],
  },
  customer_domain: { label: 'customer domain', synonyms: ['domain', 'website', 'customerdomain'] },
  created_at: { label: 'date', synonyms: ['date', 'created', 'createdat', 'submittedat', 'timestamp'] },
};

export const IMPORT_FIELDS: Record<ImportKind, Record<string, FieldSpec>> = {
  customers: customerFields,
  insights: insightFields,
};

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The mapping for a file's headers: saved or given choices first, then headers that name a
 * field. Returns problems a person can act on (unknown fields, columns not in the file).
 */
export function resolveMapping(
  kind: ImportKind,
  headers: string[],
  chosen: ColumnMapping,
  saved: ColumnMapping = {},
): { mapping: ColumnMapping; problems: string[] } {
  const fields = IMPORT_FIELDS[kind];
  const problems: string[] = [];
  const mapping: ColumnMapping = {};
  const byHeader = new Map(headers.map((h) => [squash(h), h]));
  // A saved choice applies while the source's exports still have that column; a new export may differ.
  for (const [field, column] of Object.entries(saved)) {
    if (chosen[field] === undefined && headers.includes(column)) mapping[field] = column;
  }
  for (const [field, column] of Object.entries(chosen)) {
    if (!fields[field] && !field.startsWith('identifier:')) {
      problems.push(
        `"${field}" is not a field of ${kind}; fields: ${Object.keys(fields).join(', ')}, identifier:<system>.`,
      );
      continue;
    }
    const header = headers.includes(column) ? column : byHeader.get(squash(column));
    if (header) mapping[field] = header;
    else problems.push(`The column "${column}" (for ${field}) is not in the file.`);
  }
  const taken = new Set(Object.values(mapping));
  for (const [field, spec] of Object.entries(fields)) {
    if (mapping[field]) continue;
    const header = spec.synonyms.map((s) => byHeader.get(s)).find((h) => h && !taken.has(h));
    if (header) {
      mapping[field] = header;
      taken.add(header);
    }
  }
  return { mapping, problems };
}

/** Fields of which a customer row needs at least one: something that names the customer. */
const CUSTOMER_NAMING = ['name', 'id', 'email', 'phone', 'domain'];

/** Required fields the mapping leaves without a column, as sentences. */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping, headers: string[]): string[] {
  const columns = `Columns in the file: ${headers.map((h) => `"${h}"`).join(', ')}.`;
  if (kind === 'customers') {
    const names = Object.keys(mapping).some(
      (f) => CUSTOMER_NAMING.includes(f) || f.startsWith('identifier:'),
    );
    return names
      ? []
      : [
          `No column names the customer: map at least one of ${CUSTOMER_NAMING.join(', ')} (for example --map name="<column>"). ${columns}`,
        ];
  }
  return Object.entries(IMPORT_FIELDS[kind])
    .filter(([field, spec]) => spec.required && !mapping[field])
    .map(
      ([field, spec]) =>
        `No column holds the ${spec.label} (${field}, required). ${columns} Name one with --map ${field}="<column>".`,
    );
}

export async function loadMapping(db: Db, kind: ImportKind, source: string): Promise<ColumnMapping> {
  const [row] = await db`select mapping from import_mappings where kind = ${kind} and source = ${source}`;
  return (row?.mapping as ColumnMapping | undefined) ?? {};
}

/** Remembers a source's mapping, so the next export from the same system needs no flags. */
export async function saveMapping(
  db: Db,
  kind: ImportKind,
  source: string,
  mapping: ColumnMapping,
): Promise<void> {
  await db`
    insert into import_mappings (kind, source, mapping) values (${kind}, ${source}, ${mapping as never})
    on conflict (kind, source) do update set mapping = excluded.mapping, updated_at = now()`;
}
