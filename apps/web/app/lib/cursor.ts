import type { FeedCursor } from '@heard/domain';

/** Cursors travel in URLs as one opaque token. */
export function encodeCursor(cursor: FeedCursor): string {
  return btoa(`${cursor.createdAt}|${cursor.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(token: string | null): FeedCursor | null {
  if (!token) return null;
  try {
    const [createdAt, id] = atob(token.replace(/-/g, '+').replace(/_/g, '/')).split('|');
    return createdAt && id ? { createdAt, id } : null;
  } catch {
    return null;
  }
}
