import type { Db } from '@heard/db';
import type { DomainEvent } from '@heard/domain';
import type { Task } from 'graphile-worker';
import { noticesFor } from '../jobs/notify-in-app';
import { noticeBlocks } from '../slack/blocks/messages';
import type { ChatDelivery, ChatMessage } from './chat-delivery';
import { claimReceipt, hasReceipt } from './receipts';

export const NOTIFY_CHAT_TASK = 'notify-chat';

/** A notice's words for every platform: text and link for all, Block Kit for Slack. */
export function noticeMessage(text: string, link: string): ChatMessage {
  return { text, link, slackBlocks: noticeBlocks(text, link) };
}

/**
 * Sends every notice an event causes (goal owner, assignee, reporters of evaluated work, people
 * named on a restricted insight) through every chat platform that is on. Each notice is marked
 * sent per platform only after that platform took it: a retry of the job resends only what failed.
 */
export function notifyChat(db: Db, chat: readonly ChatDelivery[], hubUrl: string): Task {
  return async (payload) => {
    if (chat.length === 0) return;
    const notices = await noticesFor(db, payload as DomainEvent);
    const failures: unknown[] = [];
    for (const notice of notices) {
      const key = `notice:${notice.dedupeKey}`;
      const message = noticeMessage(notice.text, new URL(notice.link, hubUrl).toString());
      for (const delivery of chat) {
        if (await hasReceipt(db, delivery.platform, key)) continue;
        try {
          const result = await delivery.sendToPerson(notice.personId, message);
          await claimReceipt(db, delivery.platform, key, result);
        } catch (error) {
          failures.push(error);
        }
      }
    }
    // Thrown after trying everyone, so one unreachable platform does not hold back the others.
    if (failures.length) throw failures[0];
  };
}
