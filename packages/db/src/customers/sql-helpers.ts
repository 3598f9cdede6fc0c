import type { Db } from '../repositories/db';

/** Runs `work` atomically: a savepoint inside a caller's transaction, a transaction of its own otherwise. */
export function atomically<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if ('savepoint' in db) return db.savepoint((tx) => work(tx as unknown as Db)) as Promise<T>;
  return db.begin((tx) => work(tx as unknown as Db)) as Promise<T>;
}

/** Keeps `insights.customer_value` (what the feed ranks by) true after customers or links change. */
export async function refreshCustomerValue(db: Db, insightIds: readonly string[]): Promise<void> {
  if (insightIds.length === 0) return;
  await db`
    update insights i set customer_value = coalesce((
      select sum(coalesce(c.value, 0)) from insight_customers ic join customers c on c.id = ic.customer_id
      where ic.insight_id = i.id), 0)
    where i.id = any(${insightIds as string[]}::uuid[])`;
}

/** The insights a customer is the subject of. */
export async function insightsOf(db: Db, customerIds: readonly string[]): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const rows = await db`
    select distinct insight_id from insight_customers where customer_id = any(${customerIds as string[]}::uuid[])`;
  return rows.map((r) => r.insight_id as string);
}
