/** A remark someone who may read an insight leaves on it; shown under the insight, oldest first. */
export interface Comment {
  id: string;
  insightId: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

export const MAX_COMMENT_LENGTH = 5_000;

export interface CommentRepository {
  add(comment: Omit<Comment, 'id'>): Promise<Comment>;
  /** Oldest first, so a conversation reads top to bottom. */
  listByInsight(insightId: string): Promise<Comment[]>;
}
