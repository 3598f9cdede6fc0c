import type { Task, TaskList } from 'graphile-worker';
import { claimReceipt } from '../chat/receipts';
import { captureDraftBlocks } from './blocks/messages';
import type { SlackContext } from './context';
import type { SlackChatDelivery } from './delivery';
import type { CaptureDraft } from './listeners/capture';
import { CAPTURE_TASK } from './listeners/reactions';
import { POST_CARD_TASK } from './listeners/share';

interface PostCardPayload {
  insightId: string;
  channel?: string;
  threadTs?: string;
  /** Who shared it: the card goes to them directly when there is no thread (or Heard is not in it). */
  user: string;
}

const slackError = (error: unknown) => (error as { data?: { error?: string } }).data?.error;
const NOT_THERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'thread_not_found']);

/** Slack's own jobs: the card replied after sharing, and the DM with a captured draft. */
export function slackTasks(ctx: SlackContext, delivery: SlackChatDelivery): TaskList {
  const postCard: Task = async (payload) => {
    const p = payload as PostCardPayload;
    const [posted] = await ctx.db`
      select 1 from chat_cards where platform = 'slack' and insight_id = ${p.insightId} and card_kind = 'insight'`;
    if (posted) return;
    if (p.channel && p.threadTs) {
      try {
        await delivery.postCard(p.insightId, p.channel, p.threadTs);
        return;
      } catch (error) {
        // A private channel Heard was never invited to: tell the sharer directly instead.
        if (!NOT_THERE.has(slackError(error) ?? '')) throw error;
      }
    }
    await delivery.postCard(p.insightId, await delivery.openDirect(p.user));
  };

  const captureDm: Task = async (payload) => {
    const p = payload as { user: string; channel: string; ts: string };
    const history = await ctx.client.conversations.history({
      channel: p.channel,
      latest: p.ts,
      inclusive: true,
      limit: 1,
    });
    const message = history.messages?.find((m) => m.ts === p.ts);
    if (!message?.text) {
      ctx.log.info({ channel: p.channel, ts: p.ts }, 'captured message not readable; nothing sent');
      return;
    }
    const permalink = await ctx.client.chat
      .getPermalink({ channel: p.channel, message_ts: p.ts })
      .then((r) => r.permalink)
      .catch(() => undefined);
    const draft: CaptureDraft = {
      channel: p.channel,
      ts: p.ts,
      text: message.text,
      author: message.user,
      permalink,
    };
    const key = `capture:${p.channel}:${p.ts}:${p.user}`;
    // A repeat of this job after the DM went out finds the draft stored and sends nothing more.
    if (!(await claimReceipt(ctx.db, 'slack', key, draft))) return;
    try {
      await ctx.client.chat.postMessage({
        channel: await delivery.openDirect(p.user),
        text: 'Share this with Heard?',
        blocks: captureDraftBlocks(draft, key) as never,
        unfurl_links: false,
      });
    } catch (error) {
      await ctx.db`delete from chat_receipts where platform = 'slack' and key = ${key}`;
      throw error;
    }
  };

  return { [POST_CARD_TASK]: postCard, [CAPTURE_TASK]: captureDm };
}
