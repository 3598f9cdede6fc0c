import type { CustomerIdentifier } from './customer';
import type { NormalisedReference, PhoneNormaliser } from './customer-reference';
import type { MatchableCustomer, SimilarCustomer } from './match';

/** Where an identifier or a customer came from: `import:hubspot`, `slack`, `web`, `api` … */
export interface CustomerOrigin {
  source: string;
  /** The person whose message, form or import brought it. */
  actorId: string | null;
  /** e.g. "line 42 of crm.csv". */
  detail?: string | null;
}

/** A pair the matcher was unsure of, waiting for a curator. */
export interface CustomerReview {
  id: string;
  customerId: string;
  candidateId: string;
  score: number;
  reasons: string[];
  status: 'pending' | 'confirmed' | 'rejected';
}

/** What a merge moved, kept so it can be undone exactly. */
export interface CustomerMerge {
  id: string;
  survivorId: string;
  mergedId: string;
  mergedName: string;
  at: Date;
  undoneAt: Date | null;
  /** Insights whose customers changed, so search and rankings can be refreshed. */
  insightIds: string[];
}

/** The store behind matching, review and merging customers (implemented on PostgreSQL). */
export interface CustomerIdentityStore {
  normalisePhone: PhoneNormaliser;
  findByIdentifiers(identifiers: readonly CustomerIdentifier[]): Promise<MatchableCustomer[]>;
  /** Customers whose name key is trigram-similar to `nameKey`, most similar first. */
  findSimilar(nameKey: string, limit: number): Promise<SimilarCustomer[]>;
  create(ref: NormalisedReference, origin: CustomerOrigin): Promise<string>;
  /** Adds the reference's identifiers the customer lacks; fills segment and value when given. */
  enrich(customerId: string, ref: NormalisedReference, origin: CustomerOrigin): Promise<void>;
  queueReview(
    pair: { customerId: string; candidateId: string; score: number; reasons: string[] },
    origin: CustomerOrigin,
  ): Promise<void>;
  findReview(id: string): Promise<CustomerReview | null>;
  closeReview(id: string, status: 'confirmed' | 'rejected', actorId: string, at: Date): Promise<void>;
  /** Moves everything of `mergedId` to `survivorId` and records it; null when either is gone. */
  merge(
    survivorId: string,
    mergedId: string,
    origin: CustomerOrigin,
    at: Date,
  ): Promise<CustomerMerge | null>;
  findMerge(id: string): Promise<CustomerMerge | null>;
  /** Puts back exactly what the merge moved; refuses (returns a reason) when later changes prevent it. */
  unmerge(
    mergeId: string,
    actorId: string,
    at: Date,
  ): Promise<{ ok: true; merge: CustomerMerge } | { ok: false; reason: string }>;
}
