import {
  explainReaders,
  isAdmin,
  type Person,
  PII_LABELS,
  READ_REASON_LABELS,
  recordRestrictedRead,
} from '@heard/domain';
import type { AppLoadContext } from 'react-router';

/**
 * The insight page's privacy panels: what intake masked (for the reporter and admins), the
 * originals kept aside (admins, on request, audited), and who may read the insight and why
 * (admins). Opening a restricted insight someone else shared is recorded in the audit log.
 */
export async function loadInsightPrivacy(
  context: AppLoadContext,
  actor: Person,
  insightId: string,
  url: URL,
) {
  const { deps, governance } = context.hub;
  // The page's own loader has already refused anyone who may not read it.
  const insight = await deps.insights.findById(insightId);
  if (!insight) return null;
  await recordRestrictedRead(deps.audit, actor, insight, deps.clock.now(), 'web');
  const admin = isAdmin(actor);
  const mayKnow = admin || insight.reporterId === actor.id;
  const findings = mayKnow ? await governance.findings(insight.id) : [];
  const originals =
    admin && url.searchParams.get('reveal') === 'pii'
      ? await governance.revealOriginals(insight.id, actor.id)
      : null;
  const readers = admin ? explainReaders(insight, await deps.people.list(), await deps.teams.list()) : null;
  return {
    isReporter: insight.reporterId === actor.id,
    findings: findings.map((f) => ({
      id: f.id,
      field: f.field,
      label: PII_LABELS[f.kind],
      action: f.action,
      shown: f.shown,
      reason: f.reason,
      hasOriginal: f.hasOriginal,
    })),
    originals:
      originals?.map((o) => ({
        id: o.findingId,
        label: PII_LABELS[o.kind],
        shown: o.shown,
        original: o.original,
      })) ?? null,
    readers: readers && {
      rule: readers.rule,
      excludedCount: readers.excludedCount,
      people: readers.readers.map((r) => ({
        id: r.personId,
        name: r.name,
        why: r.reasons.map((reason) => READ_REASON_LABELS[reason]).join(', '),
      })),
    },
  };
}

export type InsightPrivacy = NonNullable<Awaited<ReturnType<typeof loadInsightPrivacy>>>;
