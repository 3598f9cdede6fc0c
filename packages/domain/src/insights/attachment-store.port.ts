import type { AttachmentMeta } from './insight';

/** Adds files (already stored and checked) to an insight's list of attachments. */
export interface InsightAttachmentRepository {
  add(insightId: string, attachments: readonly AttachmentMeta[], at: Date): Promise<void>;
}
