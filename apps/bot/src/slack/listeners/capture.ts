import { postInsight } from '@heard/domain';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { enqueueJob, readReceipt } from '../../chat/receipts';
import { CAPTURE_CONFIRM_ACTION, CAPTURE_EDIT_ACTION, capturedBlocks } from '../blocks/messages';
import type { SlackContext } from '../context';
import { personFor } from '../context';
import { describeError } from '../errors';
import { unknownPersonReply } from '../people';
import { openShareModal, POST_CARD_TASK } from './share';

/** A message captured by an emoji reaction, kept until its reactor confirms it. */
export interface CaptureDraft {
  channel: string;
  ts: string;
  text: string;
  author?: string;
  permalink?: string;
}

/** The one-click "Share" on a captured draft, and "Add details first" which opens the full form. */
export function registerCapture(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(CAPTURE_CONFIRM_ACTION, async ({ body, action, respond }) => {
    const person = await personFor(ctx, body.user.id);
    const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!person) return void (await say(await unknownPersonReply(ctx, body.user.id)));
    const draft = await readReceipt<CaptureDraft>(ctx.db, 'slack', action.value ?? '');
    if (!draft) return void (await say('That draft is no longer here; react to the message again.'));
    try {
      const { insight, created } = await postInsight(ctx.deps, {
        actor: person,
        body: draft.text,
        kind: 'observation',
        sentiment: 'neutral',
        source: { kind: 'slack', url: draft.permalink ?? null, externalId: `${draft.channel}:${draft.ts}` },
      });
      if (created) {
        await enqueueJob(
          ctx.db,
          POST_CARD_TASK,
          { insightId: insight.id, channel: draft.channel, threadTs: draft.ts, user: body.user.id },
          `${POST_CARD_TASK}:${insight.id}`,
        );
      }
      await respond({
        replace_original: true,
        text: 'Shared with Heard.',
        blocks: capturedBlocks(`${ctx.hubUrl}/insights/${insight.id}`) as never,
      });
    } catch (error) {
      await say(describeError(error));
    }
  });

  app.action<BlockAction<ButtonAction>>(CAPTURE_EDIT_ACTION, async ({ body, action }) => {
    const [person, draft] = await Promise.all([
      personFor(ctx, body.user.id),
      readReceipt<CaptureDraft>(ctx.db, 'slack', action.value ?? ''),
    ]);
    await openShareModal(ctx, body.trigger_id, body.user.id, person, draft?.text ?? '', {
      channel: draft?.channel,
      ts: draft?.ts,
      permalink: draft?.permalink,
      author: draft?.author,
    });
  });
}
