export { type DeliverDeps, deliverDigestTask, UndeliverableError } from './deliver-digest';
export { createDigestMailer, type DigestMailer, kpiChartPng } from './email';
export { digestsIntegration } from './integration';
export { type DigestLinks, digestLinks, periodLabel } from './links';
export { isTransient, Pacer, PLATFORM_RATE, pacedDelivery, retryAfterMs } from './pacing';
export { chartCid, renderEmailDigest } from './render-email';
export { renderSlackDigest } from './render-slack';
export { renderTeamsDigest } from './render-teams';
