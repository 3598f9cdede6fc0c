/** A curated, ordered set of stories (e.g. "Q3 customer wins"), publishable to a channel. */
export interface Collection {
  id: string;
  title: string;
  description: string;
  /** Insights carrying the stories, in the curator's order. */
  insightIds: string[];
  curatorId: string;
  publishedAt: Date | null;
  createdAt: Date;
}
