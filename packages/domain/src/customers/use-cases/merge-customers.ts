import { recordAudit } from '../../audit/record';
import type { Deps, Repositories } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { DomainError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { CustomerIdentityStore, CustomerMerge } from '../customer-identity-store.port';

function storeOf(repos: Pick<Repositories, 'customerIdentities'>): CustomerIdentityStore {
  if (!repos.customerIdentities) throw new Error('Merging customers needs a customer identity store.');
  return repos.customerIdentities;
}

function mustCurate(actor: Person): void {
  if (!canCurate(actor))
    throw new ForbiddenError('CUSTOMER.NOT_CURATOR', 'Only curators and admins merge customers.');
}

/** Refreshes what hangs on the insights a merge touched (search documents, value rankings). */
async function announce(tx: Repositories, merge: CustomerMerge): Promise<void> {
  for (const insightId of merge.insightIds) await tx.outbox.publish({ type: 'insight.edited', insightId });
}

export interface MergeCustomersInput {
  actor: Person;
  /** The customer that remains, with everything of the other. */
  survivorId: string;
  mergedId: string;
}

/** Merges two customers: identifiers, insights, evidence and stories move to the survivor; undoable. */
export async function mergeCustomers(deps: Deps, input: MergeCustomersInput): Promise<CustomerMerge> {
  mustCurate(input.actor);
  if (input.survivorId === input.mergedId)
    throw new DomainError(
      'CUSTOMER.MERGE_SELF',
      'Pick another customer: a customer cannot be merged into itself.',
      'validation',
    );
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const merge = await storeOf(tx).merge(
      input.survivorId,
      input.mergedId,
      { source: 'web', actorId: input.actor.id },
      now,
    );
    if (!merge) throw new NotFoundError('CUSTOMER.NOT_FOUND', 'One of the two customers no longer exists.');
    await recordAudit(
      tx.audit,
      input.actor.id,
      'customer.merged',
      { type: 'customer', id: merge.survivorId },
      now,
      {
        mergeId: merge.id,
        mergedId: merge.mergedId,
      },
    );
    await announce(tx, merge);
    return merge;
  });
}

/** Undoes a merge exactly: the merged customer returns with what it had. */
export async function unmergeCustomers(
  deps: Deps,
  input: { actor: Person; mergeId: string },
): Promise<CustomerMerge> {
  mustCurate(input.actor);
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const result = await storeOf(tx).unmerge(input.mergeId, input.actor.id, now);
    if (!result.ok) throw new DomainError('CUSTOMER.UNMERGE_REFUSED', result.reason, 'conflict');
    await recordAudit(
      tx.audit,
      input.actor.id,
      'customer.unmerged',
      { type: 'customer', id: result.merge.mergedId },
      now,
      {
        mergeId: result.merge.id,
        survivorId: result.merge.survivorId,
      },
    );
    await announce(tx, result.merge);
    return result.merge;
  });
}

/** A curator's answer to a pair in the review queue: confirm merges them, reject keeps both apart for good. */
export async function decideCustomerReview(
  deps: Deps,
  input: { actor: Person; reviewId: string; decision: 'confirm' | 'reject' },
): Promise<{ merge: CustomerMerge | null }> {
  mustCurate(input.actor);
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const store = storeOf(tx);
    const review = await store.findReview(input.reviewId);
    if (!review)
      throw new NotFoundError('CUSTOMER.REVIEW_NOT_FOUND', 'That pair is no longer waiting for review.');
    if (review.status !== 'pending')
      throw new DomainError('CUSTOMER.REVIEW_DECIDED', `That pair was already ${review.status}.`, 'conflict');
    let merge: CustomerMerge | null = null;
    if (input.decision === 'confirm') {
      // The customer that was already known survives; the newcomer joins it.
      merge = await store.merge(
        review.candidateId,
        review.customerId,
        { source: 'review', actorId: input.actor.id },
        now,
      );
      if (!merge) throw new NotFoundError('CUSTOMER.NOT_FOUND', 'One of the two customers no longer exists.');
      await announce(tx, merge);
    }
    await store.closeReview(
      review.id,
      input.decision === 'confirm' ? 'confirmed' : 'rejected',
      input.actor.id,
      now,
    );
    await recordAudit(
      tx.audit,
      input.actor.id,
      `customer.review_${input.decision}ed`,
      { type: 'customer', id: review.candidateId },
      now,
      {
        reviewId: review.id,
        customerId: review.customerId,
      },
    );
    return { merge };
  });
}
