import type { CustomerIdentifier } from './customer';
import type { NormalisedReference } from './customer-reference';

/** At or above: the reference is linked to the existing customer without asking anyone. */
export const AUTO_LINK_SCORE = 0.9;
/** At or above (and below AUTO_LINK_SCORE): a curator confirms or rejects the pair. */
export const REVIEW_SCORE = 0.55;
/** An account this alike is linked too when no other customer comes within LEAD of it (a typo, not a namesake). */
export const LEADING_LINK_SCORE = 0.78;
export const LEAD = 0.2;

/** An existing customer as the matcher sees it. */
export interface MatchableCustomer {
  id: string;
  name: string;
  kind: 'person' | 'account';
  identifiers: CustomerIdentifier[];
}

/** A customer found by name, with pg_trgm's similarity of the two name keys (0 … 1). */
export interface SimilarCustomer {
  customer: MatchableCustomer;
  similarity: number;
}

export interface ScoredCandidate {
  customer: MatchableCustomer;
  score: number;
  /** Why, in words a curator reads in the review queue. */
  reasons: string[];
}

export type MatchDecision =
  /** Strong identifiers name these customers; more than one means they are one customer. */
  | { kind: 'exact'; customerIds: string[]; reasons: string[] }
  | { kind: 'auto'; candidate: ScoredCandidate }
  | { kind: 'review'; candidate: ScoredCandidate }
  | { kind: 'new'; best: ScoredCandidate | null };

/** Systems where one customer has one value: two different values mean two customers. */
const ONE_VALUE_SYSTEMS = new Set(['crm', 'billing', 'support']);

const key = (i: CustomerIdentifier) => `${i.system}:${i.value}`;

/** Identifiers of `ref` the customer also has. */
export function sharedIdentifiers(
  ref: NormalisedReference,
  customer: MatchableCustomer,
): CustomerIdentifier[] {
  const theirs = new Set(customer.identifiers.map(key));
  return ref.identifiers.filter((i) => theirs.has(key(i)));
}

/**
 * Scores how likely `candidate` is the customer `ref` means. A shared strong identifier is
 * certain; otherwise the name similarity, lowered by contradicting identifiers and, for people,
 * capped below auto-linking (two people may share a name, two companies rarely do once
 * normalised), and raised when a contact address belongs to the account's domain.
 */
export function scoreCandidate(ref: NormalisedReference, candidate: SimilarCustomer): ScoredCandidate {
  const { customer } = candidate;
  const shared = sharedIdentifiers(ref, customer);
  if (shared.length > 0) {
    return { customer, score: 1, reasons: shared.map((i) => `same ${i.system} ${i.value}`) };
  }
  const reasons = [`names ${Math.round(candidate.similarity * 100)}% alike`];
  let score = candidate.similarity;
  if (ref.kind !== customer.kind) {
    score *= 0.8;
    reasons.push('one is a person, the other an account');
  }
  const conflicts = ref.identifiers.filter(
    (i) =>
      ONE_VALUE_SYSTEMS.has(i.system) &&
      customer.identifiers.some((c) => c.system === i.system && c.value !== i.value),
  );
  if (conflicts.length > 0) {
    score *= 0.5;
    reasons.push(`different ${[...new Set(conflicts.map((c) => c.system))].join(', ')} ids`);
  }
  const domains = new Set(customer.identifiers.filter((i) => i.system === 'domain').map((i) => i.value));
  const sameDomain = ref.identifiers.some(
    (i) =>
      (i.system === 'email' && domains.has(i.value.split('@')[1] ?? '')) ||
      (i.system === 'domain' &&
        customer.identifiers.some((c) => c.system === 'email' && c.value.endsWith(`@${i.value}`))),
  );
  if (sameDomain && conflicts.length === 0) {
    score = Math.min(1, score + 0.15);
    reasons.push('address on their domain');
  }
  if (ref.kind === 'person' && customer.kind === 'person' && !sameDomain) {
    score = Math.min(score, AUTO_LINK_SCORE - 0.05);
  }
  return { customer, score: Math.round(score * 1000) / 1000, reasons };
}

/** Decides what to do with a reference, given customers found by identifier and by name. */
export function decideMatch(
  ref: NormalisedReference,
  exact: MatchableCustomer[],
  similar: SimilarCustomer[],
): MatchDecision {
  if (exact.length > 0) {
    // The customer sharing the most identifiers survives; the rest are the same customer too.
    const ranked = exact
      .map((c) => ({ c, n: sharedIdentifiers(ref, c).length }))
      .sort((a, b) => b.n - a.n || a.c.id.localeCompare(b.c.id));
    const reasons = ranked.flatMap(({ c }) =>
      sharedIdentifiers(ref, c).map((i) => `same ${i.system} ${i.value}`),
    );
    return { kind: 'exact', customerIds: ranked.map(({ c }) => c.id), reasons };
  }
  const scored = similar
    .map((s) => scoreCandidate(ref, s))
    .sort((a, b) => b.score - a.score || a.customer.id.localeCompare(b.customer.id));
  const best = scored[0] ?? null;
  if (best && best.score >= AUTO_LINK_SCORE) return { kind: 'auto', candidate: best };
  const runnerUp = scored[1]?.score ?? 0;
  if (
    best &&
    ref.kind === 'account' &&
    best.customer.kind === 'account' &&
    best.score >= LEADING_LINK_SCORE &&
    best.score - runnerUp >= LEAD
  ) {
    return {
      kind: 'auto',
      candidate: { ...best, reasons: [...best.reasons, 'no other customer comes close'] },
    };
  }
  if (best && best.score >= REVIEW_SCORE) return { kind: 'review', candidate: best };
  return { kind: 'new', best };
}
