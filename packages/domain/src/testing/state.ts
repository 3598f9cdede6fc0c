import type { Action, Evaluation } from '../actions/action';
import type { AuditEvent } from '../audit/audit-event';
import type { Collection } from '../collections/collection';
import type { Customer } from '../customers/customer';
import type { Goal } from '../goals/goal';
import type { Comment } from '../insights/comment';
import type { Evidence, Insight, Reaction } from '../insights/insight';
import type { SavedView } from '../insights/saved-view';
import type { Person, Team } from '../people/person';
import type { DomainEvent } from '../shared/domain-event';
import { clone } from './clone';
import type { InMemoryMergeRecord } from './in-memory-engagement';

/** Everything the fakes store; tests read it to prove what was (or was not) written. */
export interface InMemoryState {
  people: Map<string, Person>;
  teams: Map<string, Team>;
  goals: Map<string, Goal>;
  insights: Map<string, Insight>;
  evidence: Evidence[];
  reactions: Reaction[];
  actions: Map<string, Action>;
  evaluations: Evaluation[];
  customers: Map<string, Customer>;
  /** Audit events in the order they were recorded. */
  audit: AuditEvent[];
  /** Events published to the outbox, in order. */
  events: DomainEvent[];
  comments: Comment[];
  merges: Map<string, InMemoryMergeRecord>;
  savedViews: SavedView[];
  collections: Map<string, Collection>;
}

/** Rows to start from, stored as given (no checks), as if they had been there all along. */
export interface InMemorySeed {
  people?: Person[];
  teams?: Team[];
  goals?: Goal[];
  insights?: Insight[];
  customers?: Customer[];
  actions?: Action[];
  evaluations?: Evaluation[];
  collections?: Collection[];
}

/** A store row that must exist, as a foreign key would insist. */
export function mustExist<T>(rows: Map<string, T>, id: string, what: string): T {
  const row = rows.get(id);
  if (!row) throw new Error(`In-memory store: no ${what} with id ${id} (foreign key violation).`);
  return row;
}

export function emptyState(): InMemoryState {
  return {
    people: new Map(),
    teams: new Map(),
    goals: new Map(),
    insights: new Map(),
    evidence: [],
    reactions: [],
    actions: new Map(),
    evaluations: [],
    customers: new Map(),
    audit: [],
    events: [],
    comments: [],
    merges: new Map(),
    savedViews: [],
    collections: new Map(),
  };
}

/** Puts a snapshot back in place, keeping the same maps and arrays so handles tests hold stay valid. */
export function restore(state: InMemoryState, snapshot: InMemoryState): void {
  for (const key of Object.keys(state) as (keyof InMemoryState)[]) {
    const target = state[key];
    const saved = snapshot[key];
    if (target instanceof Map && saved instanceof Map) {
      target.clear();
      for (const [id, row] of saved) (target as Map<string, unknown>).set(id, row);
    } else if (Array.isArray(target) && Array.isArray(saved)) {
      target.splice(0, target.length, ...(saved as never[]));
    }
  }
}

export function seedState(state: InMemoryState, rows: InMemorySeed): void {
  const put = <T extends { id: string }>(map: Map<string, T>, items: T[] | undefined) => {
    for (const item of items ?? []) map.set(item.id, clone(item));
  };
  put(state.people, rows.people);
  put(state.teams, rows.teams);
  put(state.goals, rows.goals);
  put(state.insights, rows.insights);
  put(state.customers, rows.customers);
  put(state.actions, rows.actions);
  put(state.collections, rows.collections);
  state.evaluations.push(...clone(rows.evaluations ?? []));
}
