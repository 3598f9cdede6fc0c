import { countCurationQueue, createRepositories, type Db } from '@heard/db';
import { readScopeFor } from '@heard/domain';
import type { Task } from 'graphile-worker';
import type { ChatDelivery } from './chat-delivery';
import { noticeMessage } from './notify-chat';
import { claimReceipt, hasReceipt } from './receipts';

export const TRIAGE_SUMMARY_TASK = 'chat-triage-summary';
/** Every morning at 08:00 UTC: curators hear how many new insights wait for them. */
export const TRIAGE_SUMMARY_CRONTAB = `0 8 * * * ${TRIAGE_SUMMARY_TASK} ?max=3`;

/** Tells each curator, in every chat they use, how many insights they may read wait for triage. */
export function triageSummary(db: Db, chat: readonly ChatDelivery[], hubUrl: string): Task {
  return async (_payload, helpers) => {
    if (chat.length === 0) return;
    const day = new Date().toISOString().slice(0, 10);
    const curators = (await createRepositories(db).people.list()).filter((p) => p.roles.includes('curator'));
    for (const curator of curators) {
      const waiting = await countCurationQueue(db, readScopeFor(curator));
      if (waiting === 0) continue;
      const message = noticeMessage(
        `${waiting} new insight${waiting === 1 ? '' : 's'} wait${waiting === 1 ? 's' : ''} for triage.`,
        `${hubUrl}/curation`,
      );
      for (const delivery of chat) {
        const key = `triage:${day}:${curator.id}`;
        if (await hasReceipt(db, delivery.platform, key)) continue;
        const sent = await delivery.sendToPerson(curator.id, message);
        await claimReceipt(db, delivery.platform, key, sent);
      }
    }
    helpers.logger.debug(`triage summary for ${curators.length} curators`);
  };
}
