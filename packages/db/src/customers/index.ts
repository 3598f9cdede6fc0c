export {
  type IdentifierProvenance,
  loadCustomerIdentity,
  type MergeEntry,
  updateCustomerValue,
} from './customer-identity.query';
export { type CustomersHub, createCustomersHub } from './customers-hub';
export { createCustomerIdentityStore } from './identity-store';
export { loadParetoView, PARETO_BANDS, type ParetoBand, type ParetoView } from './pareto.query';
export { DEFAULT_PHONE_REGION, phoneNormaliser } from './phone';
export { countPendingReviews, listReviewPairs, type ReviewPair, type ReviewSide } from './review-queue.query';
