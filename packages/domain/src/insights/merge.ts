/**
 * A curator's decision that one insight says the same as another: the
 * duplicate's evidence, reactions, goal links, customers and comments now
 * count for the survivor. Undoing it puts back exactly what moved.
 */
export interface InsightMerge {
  id: string;
  duplicateId: string;
  survivorId: string;
  mergedBy: string;
  mergedAt: Date;
  undoneBy: string | null;
  undoneAt: Date | null;
}

export interface MergeRepository {
  /**
   * Moves everything attached to the duplicate onto the survivor (a reaction the same
   * person already made there is not doubled), marks the duplicate merged and keeps a
   * record of exactly what moved, so `undo` can reverse it.
   */
  merge(input: {
    duplicateId: string;
    survivorId: string;
    mergedBy: string;
    at: Date;
  }): Promise<InsightMerge>;
  findById(id: string): Promise<InsightMerge | null>;
  /** The merge in force that absorbed this insight, if any. */
  findActiveByDuplicate(insightId: string): Promise<InsightMerge | null>;
  /** Merges in force into this insight, newest first. */
  listActiveBySurvivor(insightId: string): Promise<InsightMerge[]>;
  /** Reverses one merge exactly; the caller has checked that nothing merged later depends on it. */
  undo(id: string, undoneBy: string, at: Date): Promise<void>;
}
