import type { Repositories } from '../../deps';
import { DomainError } from '../../shared/errors';
import type { CustomerIdentityStore, CustomerOrigin } from '../customer-identity-store.port';
import { type CustomerReference, normaliseReference } from '../customer-reference';
import { decideMatch } from '../match';

/** How many name-alike customers are scored for one reference. */
const CANDIDATES = 5;

export type ResolveOutcome = 'created' | 'matched' | 'merged' | 'review';

export interface ResolvedCustomer {
  customerId: string;
  outcome: ResolveOutcome;
  score: number | null;
  reasons: string[];
}

/**
 * Finds the one customer a reference means, from any edge (chat, web, API, import): exact on
 * strong identifiers, then by name. Links when sure, queues a review pair when unsure (the
 * reference becomes a customer of its own until a curator confirms), creates one otherwise.
 * Two customers named by the same reference's strong identifiers are merged (recorded, undoable).
 */
export async function resolveCustomer(
  store: CustomerIdentityStore,
  reference: CustomerReference,
  origin: CustomerOrigin,
  at: Date,
): Promise<ResolvedCustomer> {
  const ref = normaliseReference(reference, store.normalisePhone);
  if (!ref) {
    throw new DomainError(
      'CUSTOMER.REFERENCE.EMPTY',
      'Name the customer, or give an email, phone, domain or an id from another system.',
      'validation',
    );
  }
  const exact = ref.identifiers.length > 0 ? await store.findByIdentifiers(ref.identifiers) : [];
  const similar = exact.length === 0 && ref.nameKey ? await store.findSimilar(ref.nameKey, CANDIDATES) : [];
  const decision = decideMatch(ref, exact, similar);
  switch (decision.kind) {
    case 'exact': {
      const [survivorId, ...same] = decision.customerIds as [string, ...string[]];
      for (const mergedId of same) await store.merge(survivorId, mergedId, origin, at);
      await store.enrich(survivorId, ref, origin);
      return {
        customerId: survivorId,
        outcome: same.length > 0 ? 'merged' : 'matched',
        score: 1,
        reasons: decision.reasons,
      };
    }
    case 'auto':
      await store.enrich(decision.candidate.customer.id, ref, origin);
      return {
        customerId: decision.candidate.customer.id,
        outcome: 'matched',
        score: decision.candidate.score,
        reasons: decision.candidate.reasons,
      };
    case 'review': {
      const customerId = await store.create(ref, origin);
      const { candidate } = decision;
      await store.queueReview(
        {
          customerId,
          candidateId: candidate.customer.id,
          score: candidate.score,
          reasons: candidate.reasons,
        },
        origin,
      );
      return { customerId, outcome: 'review', score: candidate.score, reasons: candidate.reasons };
    }
    case 'new':
      return {
        customerId: await store.create(ref, origin),
        outcome: 'created',
        score: decision.best?.score ?? null,
        reasons: [],
      };
  }
}

/** Resolves every reference of a command to customer ids, in order, without repeats. */
export async function resolveCustomerIds(
  repos: Pick<Repositories, 'customerIdentities'>,
  references: readonly CustomerReference[],
  origin: CustomerOrigin,
  at: Date,
): Promise<string[]> {
  if (references.length === 0) return [];
  const store = repos.customerIdentities;
  if (!store) throw new Error('Customer references need a customer identity store.');
  const ids: string[] = [];
  for (const reference of references)
    ids.push((await resolveCustomer(store, reference, origin, at)).customerId);
  return [...new Set(ids)];
}
