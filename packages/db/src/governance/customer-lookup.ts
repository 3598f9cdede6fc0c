import type { Db } from '../repositories/db';
import { isUuid } from '../repositories/db';

export interface CustomerMatch {
  id: string;
  name: string;
  kind: string;
  identifiers: { system: string; value: string }[];
  erasedAt: Date | null;
}

/**
 * Customers a data-subject request names: a customer id, `system:value` (crm:981), or a bare
 * value (an email, a phone number, a CRM number) matched in any system, case-insensitively.
 */
export async function findCustomersByIdentifier(db: Db, identifier: string): Promise<CustomerMatch[]> {
  const text = identifier.trim();
  if (!text) return [];
  const colon = text.indexOf(':');
  const system = colon > 0 ? text.slice(0, colon).trim().toLowerCase() : null;
  const value = colon > 0 ? text.slice(colon + 1).trim() : text;
  const ids = await db`
    select distinct customer_id as id from customer_identifiers
    where lower(value) = lower(${value}) ${system ? db`and lower(system) = ${system}` : db``}
    union
    select distinct customer_id from customer_identifiers where lower(value) = lower(${text})
    ${isUuid(text) ? db`union select id from customers where id = ${text}` : db``}`;
  if (ids.length === 0) return [];
  const rows = await db`
    select c.id, c.name, c.kind, c.erased_at,
      coalesce((select json_agg(json_build_object('system', i.system, 'value', i.value) order by i.system, i.value)
                from customer_identifiers i where i.customer_id = c.id), '[]') as identifiers
    from customers c where c.id = any(${ids.map((r) => r.id as string)}) order by c.name`;
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as string,
    identifiers: r.identifiers as CustomerMatch['identifiers'],
    erasedAt: (r.erased_at as Date | null) ?? null,
  }));
}

/** Insights that concern a customer, as subject or as further evidence. */
export async function insightIdsOfCustomer(db: Db, customerId: string): Promise<string[]> {
  const rows = await db`
    select insight_id from insight_customers where customer_id = ${customerId}
    union select insight_id from evidence where customer_id = ${customerId}`;
  return rows.map((r) => r.insight_id as string);
}
