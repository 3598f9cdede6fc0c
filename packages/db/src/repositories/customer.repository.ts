import type { Customer, CustomerRepository } from '@heard/domain';
import { asNumberOrNull, type Db, isUuid, onlyUuids, type Row } from './db';

export function customerToDomain(row: Row): Customer {
  return {
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as Customer['kind'],
    segment: (row.segment as string | null) ?? null,
    value: asNumberOrNull(row.value),
    identifiers: (row.identifiers as Customer['identifiers'] | null) ?? [],
  };
}

/** Customers with every identifier the organisation's systems know them by, on PostgreSQL. */
export function createCustomerRepository(db: Db): CustomerRepository {
  const select = (where: ReturnType<Db>, limit = 1000) => db`
    select c.id, c.name, c.kind, c.segment, c.value,
           coalesce((select json_agg(json_build_object('system', ci.system, 'value', ci.value) order by ci.system)
                     from customer_identifiers ci where ci.customer_id = c.id), '[]') as identifiers
    from customers c where ${where} limit ${limit}`;
  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await select(db`c.id = ${id}`);
      return row ? customerToDomain(row) : null;
    },
    async findByIds(ids) {
      const valid = onlyUuids(ids);
      if (valid.length === 0) return [];
      return (await select(db`c.id = any(${valid}::uuid[])`)).map(customerToDomain);
    },
    async search(text, limit) {
      const q = text.trim();
      // What people type is text, not a pattern: % and _ match themselves.
      const like = q.replace(/[\\%_]/g, '\\$&');
      if (q.length === 0)
        return (await select(db`true order by c.value desc nulls last`, limit)).map(customerToDomain);
      const rows = await select(
        db`(c.name ilike ${`%${like}%`} or c.name % ${q}
            or exists (select 1 from customer_identifiers ci where ci.customer_id = c.id and ci.value ilike ${`${like}%`}))
           order by similarity(c.name, ${q}) desc, c.name`,
        limit,
      );
      return rows.map(customerToDomain);
    },
  };
}
