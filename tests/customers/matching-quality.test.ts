import { createCustomerIdentityStore } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import { decideMatch, normaliseReference } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalReference,
  generateCustomers,
  generateReferences,
  type MatchFigures,
  scoreDecisions,
} from '../../packages/db/src/customers/messy-customers';

const database = useTestDatabase();
const customers = generateCustomers(2000, 11);
const references = generateReferences(customers, 1000, 12);
const indexOf = new Map<string, number>();
let figures: MatchFigures;

beforeAll(async () => {
  const store = createCustomerIdentityStore(database.sql());
  for (const [i, c] of customers.entries()) {
    const ref = normaliseReference(canonicalReference(c), store.normalisePhone)!;
    indexOf.set(await store.create(ref, { source: 'test', actorId: null }), i);
  }
  await database.sql()`analyze customers`;
  // The decision alone, without writing: what the matcher would do with each reference.
  const decisions = [];
  for (const { reference } of references) {
    const ref = normaliseReference(reference, store.normalisePhone)!;
    const exact = await store.findByIdentifiers(ref.identifiers);
    const decision = decideMatch(
      ref,
      exact,
      exact.length === 0 ? await store.findSimilar(ref.nameKey, 5) : [],
    );
    if (decision.kind === 'exact')
      decisions.push({ outcome: 'linked' as const, customer: indexOf.get(decision.customerIds[0]!) ?? null });
    else if (decision.kind === 'auto')
      decisions.push({
        outcome: 'linked' as const,
        customer: indexOf.get(decision.candidate.customer.id) ?? null,
      });
    else if (decision.kind === 'review')
      decisions.push({
        outcome: 'review' as const,
        customer: indexOf.get(decision.candidate.customer.id) ?? null,
      });
    else decisions.push({ outcome: 'new' as const, customer: null });
  }
  figures = scoreDecisions(references, decisions);
  console.log(
    `Matching ${figures.references} messy references against ${customers.length} customers: ` +
      `precision ${(figures.precision * 100).toFixed(1)} %, recall ${(figures.recall * 100).toFixed(1)} % ` +
      `(${(figures.recallWithReview * 100).toFixed(1)} % counting the review queue), ` +
      `${figures.linked} linked, ${figures.wrongLinks} wrongly, ${figures.queued} queued for review.`,
  );
});

describe('matching messy references with known truth', () => {
  it('links almost only the right customer when it links without asking', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('finds most references to known customers by itself, and nearly all with the review queue', () => {
    expect(figures.recall).toBeGreaterThanOrEqual(0.8);
    expect(figures.recallWithReview).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps look-alike newcomers apart from the customers they resemble', () => {
    const newcomers = references.filter((r) => r.truth === null).length;
    expect(newcomers).toBeGreaterThan(100);
    expect(figures.wrongLinks).toBeLessThanOrEqual(Math.ceil(figures.linked * 0.02));
  });
});
