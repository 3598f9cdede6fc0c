import { asDate, type Db } from './db';

/** A line in a person's in-app inbox. */
export interface Notification {
  id: string;
  kind: string;
  text: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

/** The in-app inbox the worker fills; the web hub shows and clears it. */
export function createNotificationStore(db: Db) {
  return {
    async list(personId: string, limit = 50): Promise<Notification[]> {
      const rows = await db`
        select id, kind, text, link, created_at, read_at is not null as read from notifications
        where person_id = ${personId} order by created_at desc limit ${limit}`;
      return rows.map((r) => ({
        id: r.id as string,
        kind: r.kind as string,
        text: r.text as string,
        link: r.link as string,
        createdAt: asDate(r.created_at),
        read: r.read as boolean,
      }));
    },
    async unreadCount(personId: string): Promise<number> {
      const [row] =
        await db`select count(*)::int as n from notifications where person_id = ${personId} and read_at is null`;
      return Number(row?.n ?? 0);
    },
    async markAllRead(personId: string): Promise<void> {
      await db`update notifications set read_at = now() where person_id = ${personId} and read_at is null`;
    },
  };
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;
