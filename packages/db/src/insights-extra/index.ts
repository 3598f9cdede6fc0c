export { createAttachmentRepository } from './attachment.repository';
export { createCollectionRepository } from './collection.repository';
export { createCommentRepository } from './comment.repository';
export { createInsightHistoryReader } from './history.reader';
export { createMergeRepository } from './merge.repository';
export { createSavedViewRepository } from './saved-view.repository';
