import type { SavedView, SavedViewRepository } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';

const toDomain = (row: Row): SavedView => ({
  id: row.id as string,
  personId: row.person_id as string,
  name: row.name as string,
  query: row.query as string,
  createdAt: asDate(row.created_at),
});

/** People's saved feed views. */
export function createSavedViewRepository(db: Db): SavedViewRepository {
  return {
    async listByPerson(personId) {
      const rows = await db`select * from saved_views where person_id = ${personId} order by lower(name), id`;
      return rows.map(toDomain);
    },
    async add(view) {
      const [row] = await db`
        insert into saved_views (person_id, name, query, created_at)
        values (${view.personId}, ${view.name}, ${view.query}, ${view.createdAt})
        returning *`;
      return toDomain(row!);
    },
    async remove(id, personId) {
      if (!isUuid(id)) return false;
      const rows =
        await db`delete from saved_views where id = ${id} and person_id = ${personId} returning id`;
      return rows.length > 0;
    },
  };
}
