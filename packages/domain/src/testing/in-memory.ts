import type { Action, Evaluation } from '../actions/action';
import type { ActionRepository, EvaluationRepository } from '../actions/action-repository.port';
import type { AuditLog } from '../audit/audit-event';
import type { CustomerRepository } from '../customers/customer-repository.port';
import type { Deps, Repositories } from '../deps';
import type { Goal } from '../goals/goal';
import type { GoalRepository } from '../goals/goal-repository.port';
import type { PersonRepository, TeamRepository } from '../people/person-repository.port';
import type { Clock } from '../shared/clock';
import type { EventOutbox } from '../shared/domain-event';
import { clone } from './clone';
import { randomId } from './ids';
import {
  createInMemoryAttachmentRepository,
  createInMemoryCollectionRepository,
  createInMemoryCommentRepository,
  createInMemoryHistoryReader,
  createInMemoryMergeRepository,
  createInMemorySavedViewRepository,
} from './in-memory-engagement';
import { createInMemoryInsightRepository } from './in-memory-insights';
import { emptyState, type InMemorySeed, type InMemoryState, mustExist, restore, seedState } from './state';

export type { InMemorySeed, InMemoryState } from './state';

export interface InMemoryOptions extends InMemorySeed {
  /** Defaults to a fixed clock at 2026-01-15T09:00:00Z. */
  clock?: Clock;
  /** Defaults to `crypto.randomUUID()`. */
  newId?: () => string;
}

export interface InMemoryDeps {
  /** What use cases receive. Transactions hand this same object to their work, so a test may swap one port. */
  deps: Deps;
  state: InMemoryState;
  clock: Clock;
  seed(rows: InMemorySeed): void;
}

/** A clock stopped at one instant; `set` moves it, for rules about what happened later. */
export interface FixedClock extends Clock {
  set(iso: string): void;
}

export function fixedClock(iso: string): FixedClock {
  let at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: "${iso}" is not a date`);
  return {
    now: () => new Date(at.getTime()),
    set(next) {
      at = new Date(next);
    },
  };
}

export const DEFAULT_NOW = '2026-01-15T09:00:00.000Z';

/** Honest fakes of every port: same lookups, same orderings, same uniqueness as the database. */
export function createInMemoryDeps(options: InMemoryOptions = {}): InMemoryDeps {
  const state = emptyState();
  seedState(state, options);
  const newId = options.newId ?? randomId;
  const clock = options.clock ?? fixedClock(DEFAULT_NOW);
  const repos: Repositories = {
    people: peopleRepository(state),
    teams: teamRepository(state),
    goals: goalRepository(state, newId),
    insights: createInMemoryInsightRepository(state, newId),
    actions: actionRepository(state, newId),
    evaluations: evaluationRepository(state, newId),
    customers: customerRepository(state),
    audit: auditLog(state),
    outbox: outbox(state),
    comments: createInMemoryCommentRepository(state, newId),
    merges: createInMemoryMergeRepository(state, newId),
    insightHistory: createInMemoryHistoryReader(state),
    savedViews: createInMemorySavedViewRepository(state, newId),
    collections: createInMemoryCollectionRepository(state),
    attachments: createInMemoryAttachmentRepository(state),
  };

  // One transaction at a time, like serialisable transactions; do not nest them (use cases never do).
  let tail: Promise<unknown> = Promise.resolve();
  const deps: Deps = {
    ...repos,
    clock,
    transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
      const run = tail.then(async () => {
        const snapshot = clone(state);
        try {
          return await work(deps);
        } catch (error) {
          restore(state, snapshot);
          throw error;
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { deps, state, clock, seed: (rows) => seedState(state, rows) };
}

const rank = (value: number | null) => value ?? Number.MIN_SAFE_INTEGER;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function peopleRepository(state: InMemoryState): PersonRepository {
  return {
    findById: async (id) => clone(state.people.get(id) ?? null),
    // Emails are case-insensitive (citext), as in the database.
    findByEmail: async (email) =>
      clone([...state.people.values()].find((p) => p.email.toLowerCase() === email.toLowerCase()) ?? null),
    findByIds: async (ids) => clone([...state.people.values()].filter((p) => ids.includes(p.id))),
    list: async () => clone([...state.people.values()].sort(byName)),
  };
}

function teamRepository(state: InMemoryState): TeamRepository {
  return {
    findById: async (id) => clone(state.teams.get(id) ?? null),
    list: async () => clone([...state.teams.values()].sort(byName)),
  };
}

const STATUS_ORDER = { active: 0, achieved: 1, dropped: 2 } as const;

function goalRepository(state: InMemoryState, newId: () => string): GoalRepository {
  return {
    findById: async (id) => clone(state.goals.get(id) ?? null),
    findByIds: async (ids) => clone([...state.goals.values()].filter((g) => ids.includes(g.id))),
    async list(filter = {}) {
      const goals = [...state.goals.values()].filter((g) => !filter.status || g.status === filter.status);
      goals.sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          a.kpi.dueDate.localeCompare(b.kpi.dueDate) ||
          a.title.localeCompare(b.title),
      );
      return clone(goals);
    },
    async create(goal) {
      mustExist(state.people, goal.ownerId, 'person');
      mustExist(state.people, goal.createdBy, 'person');
      const stored: Goal = { ...clone(goal), id: newId(), status: 'active' };
      state.goals.set(stored.id, stored);
      return clone(stored);
    },
    async setOwnerAndMandate(id, ownerId, mandate) {
      const goal = mustExist(state.goals, id, 'goal');
      mustExist(state.people, ownerId, 'person');
      goal.ownerId = ownerId;
      goal.mandate = clone(mandate);
      return clone(goal);
    },
    async setKpiCurrent(id, value) {
      const goal = state.goals.get(id);
      if (goal) goal.kpi.current = value;
    },
  };
}

function actionRepository(state: InMemoryState, newId: () => string): ActionRepository {
  return {
    findById: async (id) => clone(state.actions.get(id) ?? null),
    listByGoal: async (goalId) =>
      clone(
        [...state.actions.values()]
          .filter((a) => a.goalId === goalId)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      ),
    async create(action) {
      mustExist(state.goals, action.goalId, 'goal');
      mustExist(state.people, action.assigneeId, 'person');
      mustExist(state.people, action.assignedBy, 'person');
      const stored: Action = { ...clone(action), id: newId(), status: 'open', updatedAt: action.createdAt };
      state.actions.set(stored.id, stored);
      return clone(stored);
    },
    async setStatus(id, status, at) {
      const action = mustExist(state.actions, id, 'action');
      action.status = status;
      action.updatedAt = new Date(at.getTime());
      return clone(action);
    },
  };
}

function evaluationRepository(state: InMemoryState, newId: () => string): EvaluationRepository {
  return {
    async create(evaluation) {
      mustExist(state.goals, evaluation.subject.goalId, 'goal');
      if (evaluation.subject.kind === 'action')
        mustExist(state.actions, evaluation.subject.actionId, 'action');
      const stored: Evaluation = { ...clone(evaluation), id: newId() };
      state.evaluations.push(stored);
      return clone(stored);
    },
    listByGoal: async (goalId) =>
      clone(
        state.evaluations
          .filter((e) => e.subject.goalId === goalId)
          .sort((a, b) => b.evaluatedAt.getTime() - a.evaluatedAt.getTime()),
      ),
  };
}

function customerRepository(state: InMemoryState): CustomerRepository {
  return {
    findById: async (id) => clone(state.customers.get(id) ?? null),
    findByIds: async (ids) => clone([...state.customers.values()].filter((c) => ids.includes(c.id))),
    async search(text, limit) {
      const q = text.trim().toLowerCase();
      const all = [...state.customers.values()];
      // Without a query: the most valuable first, unknown values last.
      if (q.length === 0) return clone(all.sort((a, b) => rank(b.value) - rank(a.value)).slice(0, limit));
      const hits = all.filter(
        (c) =>
          c.name.toLowerCase().includes(q) || c.identifiers.some((i) => i.value.toLowerCase().startsWith(q)),
      );
      return clone(hits.sort(byName).slice(0, limit));
    },
  };
}

function auditLog(state: InMemoryState): AuditLog {
  let lastId = 0; // an identity column: ids are never reused, even after a rollback
  return {
    async record(event) {
      lastId += 1;
      state.audit.push({ ...clone(event), id: String(lastId) });
    },
  };
}

function outbox(state: InMemoryState): EventOutbox {
  return {
    async publish(event) {
      state.events.push(clone(event));
    },
  };
}
