import type { Db } from '@heard/db';

/** Queues a Teams job (answering an invoke must not wait on Teams' own API). */
export async function queueTeamsJob(sql: Db, task: string, payload: object, key: string): Promise<void> {
  await sql`select graphile_worker.add_job(${task}, ${sql.json(payload as never)}::json, job_key => ${key}, max_attempts => 10)`;
}
