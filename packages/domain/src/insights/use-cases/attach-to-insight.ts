import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { ForbiddenError, IssueCollector } from '../../shared/errors';
import { checkUploads, type IncomingFile, type MediaType } from '../attachment-rules';
import type { AttachmentMeta } from '../insight';
import { loadReadableInsight } from '../load-readable';
import { canEditInsight } from '../visibility';
import { loadLiveInsight } from './merge-rules';

export interface CheckAttachmentsInput {
  actor: Person;
  insightId: string;
  files: IncomingFile[];
}

/**
 * Whether these files may be added to the insight: who asks, how many, what they are and how
 * large. Run before anything is written to storage; answers each file's real type.
 */
export async function checkAttachments(deps: Deps, input: CheckAttachmentsInput): Promise<MediaType[]> {
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  if (!canEditInsight(input.actor, insight)) {
    throw new ForbiddenError(
      'ATTACHMENT.NOT_EDITABLE',
      'Only the reporter, a curator or an admin may add files to this insight.',
    );
  }
  await loadLiveInsight(deps, insight);
  const issues = new IssueCollector();
  const types = checkUploads(issues, input.files, {
    field: 'attachments',
    alreadyAttached: insight.attachments.length,
  });
  if (input.files.length === 0) issues.add('attachments', 'ATTACHMENT.NONE', 'Choose at least one file.');
  issues.throwIfAny();
  return types as MediaType[];
}

/** Records files, already checked and stored, as the insight's attachments. */
export async function attachToInsight(
  deps: Deps,
  input: { actor: Person; insightId: string; attachments: AttachmentMeta[] },
): Promise<void> {
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  if (!canEditInsight(input.actor, insight)) {
    throw new ForbiddenError(
      'ATTACHMENT.NOT_EDITABLE',
      'Only the reporter, a curator or an admin may add files to this insight.',
    );
  }
  const now = deps.clock.now();
  await deps.transaction(async (tx) => {
    await tx.attachments.add(insight.id, input.attachments, now);
    await recordAudit(
      tx.audit,
      input.actor.id,
      'insight.attached',
      { type: 'insight', id: insight.id },
      now,
      {
        files: input.attachments.map((a) => a.fileName),
      },
    );
    await tx.outbox.publish({ type: 'insight.edited', insightId: insight.id });
  });
}
