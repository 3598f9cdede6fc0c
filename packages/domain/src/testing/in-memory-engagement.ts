import type { CollectionRepository } from '../collections/collection-repository.port';
import type { InsightAttachmentRepository } from '../insights/attachment-store.port';
import type { CommentRepository } from '../insights/comment';
import type { InsightHistoryReader } from '../insights/history';
import type { GoalLink, Reaction } from '../insights/insight';
import type { InsightMerge, MergeRepository } from '../insights/merge';
import type { SavedViewRepository } from '../insights/saved-view';
import { clone } from './clone';
import { type InMemoryState, mustExist } from './state';

/** What a merge moved, kept so undoing it restores exactly the state before. */
export interface InMemoryMergeRecord extends InsightMerge {
  moved: {
    evidenceIds: string[];
    commentIds: string[];
    duplicateReactions: Reaction[];
    survivorReactionsAdded: Reaction[];
    duplicateGoals: GoalLink[];
    survivorGoalIdsAdded: string[];
    duplicateCustomerIds: string[];
    survivorCustomerIdsAdded: string[];
    duplicateCounts: { evidence: number; reactions: number };
  };
}

const sameReaction = (a: Reaction, b: Reaction) =>
  a.insightId === b.insightId && a.personId === b.personId && a.emoji === b.emoji;

const publicMerge = ({ moved: _moved, ...merge }: InMemoryMergeRecord): InsightMerge => clone(merge);

export function createInMemoryCommentRepository(
  state: InMemoryState,
  newId: () => string,
): CommentRepository {
  return {
    async add(comment) {
      mustExist(state.insights, comment.insightId, 'insight');
      mustExist(state.people, comment.authorId, 'person');
      const saved = { ...clone(comment), id: newId() };
      state.comments.push(saved);
      return clone(saved);
    },
    listByInsight: async (insightId) =>
      clone(
        state.comments
          .filter((c) => c.insightId === insightId)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      ),
  };
}

export function createInMemoryMergeRepository(state: InMemoryState, newId: () => string): MergeRepository {
  const active = () => [...state.merges.values()].filter((m) => m.undoneAt === null);
  return {
    async merge({ duplicateId, survivorId, mergedBy, at }) {
      const duplicate = mustExist(state.insights, duplicateId, 'insight');
      const survivor = mustExist(state.insights, survivorId, 'insight');
      mustExist(state.people, mergedBy, 'person');
      const evidence = state.evidence.filter((e) => e.insightId === duplicateId);
      const comments = state.comments.filter((c) => c.insightId === duplicateId);
      const duplicateReactions = state.reactions.filter((r) => r.insightId === duplicateId);
      const survivorReactionsAdded = duplicateReactions
        .map((r) => ({ ...clone(r), insightId: survivorId }))
        .filter((r) => !state.reactions.some((s) => sameReaction(s, r)));
      const survivorGoalIdsAdded = duplicate.goals
        .map((g) => g.goalId)
        .filter((id) => !survivor.goals.some((g) => g.goalId === id));
      const survivorCustomerIdsAdded = duplicate.customerIds.filter(
        (id) => !survivor.customerIds.includes(id),
      );
      const record: InMemoryMergeRecord = {
        id: newId(),
        duplicateId,
        survivorId,
        mergedBy,
        mergedAt: new Date(at.getTime()),
        undoneBy: null,
        undoneAt: null,
        moved: {
          evidenceIds: evidence.map((e) => e.id),
          commentIds: comments.map((c) => c.id),
          duplicateReactions: clone(duplicateReactions),
          survivorReactionsAdded: clone(survivorReactionsAdded),
          duplicateGoals: clone(duplicate.goals),
          survivorGoalIdsAdded,
          duplicateCustomerIds: [...duplicate.customerIds],
          survivorCustomerIdsAdded,
          duplicateCounts: { evidence: duplicate.evidenceCount, reactions: duplicate.reactionCount },
        },
      };
      for (const e of evidence) e.insightId = survivorId;
      for (const c of comments) c.insightId = survivorId;
      state.reactions.splice(
        0,
        state.reactions.length,
        ...state.reactions.filter((r) => r.insightId !== duplicateId),
        ...survivorReactionsAdded,
      );
      survivor.goals.push(...clone(duplicate.goals.filter((g) => survivorGoalIdsAdded.includes(g.goalId))));
      survivor.customerIds.push(...survivorCustomerIdsAdded);
      survivor.evidenceCount += evidence.length;
      survivor.reactionCount += survivorReactionsAdded.length;
      Object.assign(duplicate, { goals: [], customerIds: [], evidenceCount: 0, reactionCount: 0 });
      state.merges.set(record.id, record);
      return publicMerge(record);
    },
    findById: async (id) => {
      const record = state.merges.get(id);
      return record ? publicMerge(record) : null;
    },
    findActiveByDuplicate: async (insightId) => {
      const record = active().find((m) => m.duplicateId === insightId);
      return record ? publicMerge(record) : null;
    },
    listActiveBySurvivor: async (insightId) =>
      active()
        .filter((m) => m.survivorId === insightId)
        .sort((a, b) => b.mergedAt.getTime() - a.mergedAt.getTime())
        .map(publicMerge),
    async undo(id, undoneBy, at) {
      const record = mustExist(state.merges, id, 'merge');
      const { moved } = record;
      const duplicate = mustExist(state.insights, record.duplicateId, 'insight');
      const survivor = mustExist(state.insights, record.survivorId, 'insight');
      for (const e of state.evidence) if (moved.evidenceIds.includes(e.id)) e.insightId = duplicate.id;
      for (const c of state.comments) if (moved.commentIds.includes(c.id)) c.insightId = duplicate.id;
      state.reactions.splice(
        0,
        state.reactions.length,
        ...state.reactions.filter((r) => !moved.survivorReactionsAdded.some((a) => sameReaction(a, r))),
        ...clone(moved.duplicateReactions),
      );
      survivor.goals = survivor.goals.filter((g) => !moved.survivorGoalIdsAdded.includes(g.goalId));
      survivor.customerIds = survivor.customerIds.filter((c) => !moved.survivorCustomerIdsAdded.includes(c));
      survivor.evidenceCount -= moved.evidenceIds.length;
      survivor.reactionCount -= moved.survivorReactionsAdded.length;
      Object.assign(duplicate, {
        goals: clone(moved.duplicateGoals),
        customerIds: [...moved.duplicateCustomerIds],
        evidenceCount: moved.duplicateCounts.evidence,
        reactionCount: moved.duplicateCounts.reactions,
      });
      record.undoneBy = undoneBy;
      record.undoneAt = new Date(at.getTime());
    },
  };
}

export function createInMemoryHistoryReader(state: InMemoryState): InsightHistoryReader {
  return {
    listForInsight: async (insightId) =>
      clone(state.audit.filter((e) => e.subject.type === 'insight' && e.subject.id === insightId)),
  };
}

export function createInMemorySavedViewRepository(
  state: InMemoryState,
  newId: () => string,
): SavedViewRepository {
  return {
    listByPerson: async (personId) =>
      clone(
        state.savedViews.filter((v) => v.personId === personId).sort((a, b) => a.name.localeCompare(b.name)),
      ),
    async add(view) {
      mustExist(state.people, view.personId, 'person');
      if (
        state.savedViews.some(
          (v) => v.personId === view.personId && v.name.toLowerCase() === view.name.toLowerCase(),
        )
      )
        throw new Error('In-memory store: that person has a view with that name (unique violation).');
      const saved = { ...clone(view), id: newId() };
      state.savedViews.push(saved);
      return clone(saved);
    },
    async remove(id, personId) {
      const index = state.savedViews.findIndex((v) => v.id === id && v.personId === personId);
      if (index < 0) return false;
      state.savedViews.splice(index, 1);
      return true;
    },
  };
}

export function createInMemoryCollectionRepository(state: InMemoryState): CollectionRepository {
  return {
    findById: async (id) => clone(state.collections.get(id) ?? null),
    async setOrder(id, insightIds) {
      const collection = mustExist(state.collections, id, 'collection');
      collection.insightIds = [...insightIds];
    },
  };
}

export function createInMemoryAttachmentRepository(state: InMemoryState): InsightAttachmentRepository {
  return {
    async add(insightId, attachments, at) {
      const insight = mustExist(state.insights, insightId, 'insight');
      insight.attachments.push(...clone([...attachments]));
      insight.updatedAt = new Date(at.getTime());
    },
  };
}
