export {
  type BuildOutcome,
  buildDigest,
  buildJobKey,
  DELIVERY_ATTEMPTS,
  DIGEST_BUILD_TASK,
  DIGEST_DELIVER_TASK,
  DIGEST_TICK_TASK,
  type DigestBuildPayload,
  type DigestDeliverPayload,
  queueDueDigests,
} from './build-digest';
export {
  createDigestStore,
  DIGEST_STATUSES,
  type DigestDelivery,
  type DigestStatus,
  type DigestStore,
  type DigestSummary,
  type StoredDigest,
} from './digest.store';
export { loadDigestMaterial } from './digest-material.query';
export { createDigestsHub, type DigestsHub, type SubscriptionView } from './digests-hub';
export { createSubscriptionRepository } from './subscription.repository';
export { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-link';
