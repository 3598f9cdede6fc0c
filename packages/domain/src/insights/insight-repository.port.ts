import type { FeedPage, FeedQuery } from './feed';
import type { AttachmentMeta, Evidence, GoalLink, Insight, Reaction, Story, TriageState } from './insight';

export type NewInsight = Omit<
  Insight,
  'id' | 'evidenceCount' | 'reactionCount' | 'story' | 'triage' | 'updatedAt'
> & {
  attachments: AttachmentMeta[];
};

export type InsightChanges = Partial<
  Pick<Insight, 'title' | 'body' | 'kind' | 'sentiment' | 'tags' | 'customerIds' | 'visibility'>
>;

export interface InsightRepository {
  findById(id: string): Promise<Insight | null>;
  findByIds(ids: readonly string[]): Promise<Insight[]>;
  /** An insight already posted from the same message, so retries and duplicates of chat events post once. */
  findBySourceExternalId(sourceKind: string, externalId: string): Promise<Insight | null>;
  create(insight: NewInsight): Promise<Insight>;
  update(id: string, changes: InsightChanges, at: Date): Promise<Insight>;
  /** Returns false when that person already reacted with that emoji. */
  addReaction(reaction: Reaction): Promise<boolean>;
  addEvidence(evidence: Omit<Evidence, 'id'>): Promise<Evidence>;
  linkGoal(insightId: string, link: GoalLink): Promise<void>;
  setTriage(ids: readonly string[], state: TriageState, at: Date): Promise<void>;
  setStory(id: string, story: Story, at: Date): Promise<void>;
  listFeed(query: FeedQuery): Promise<FeedPage>;
}
