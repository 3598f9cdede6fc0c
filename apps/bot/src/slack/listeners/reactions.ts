import { addEvidence, type Deps, loadReadableInsight, reactToInsight } from '@heard/domain';
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { enqueueJob } from '../../chat/receipts';
import { ME_TOO_ACTION, ME_TOO_CUSTOMER_ACTION } from '../blocks/insight-card';
import { ME_TOO_CALLBACK, meTooModal } from '../blocks/messages';
import type { SlackContext } from '../context';
import { personFor } from '../context';
import { describeError, viewErrors } from '../errors';
import { unknownPersonReply } from '../people';
import { noticeModal } from './share';

export const CAPTURE_TASK = 'slack-capture-dm';

/** "Me too" buttons on Heard's cards, the evidence modal, and emoji reactions on cards and messages. */
export function registerReactions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ME_TOO_ACTION, async ({ body, action, respond }) => {
    const person = await personFor(ctx, body.user.id);
    const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!person) return void (await say(await unknownPersonReply(ctx, body.user.id)));
    try {
      const { added } = await reactToInsight(ctx.deps, { actor: person, insightId: action.value ?? '' });
      await say(added ? 'Noted: you hear this too.' : 'You already said you hear this too.');
    } catch (error) {
      await say(describeError(error));
    }
  });

  app.action<BlockAction<ButtonAction>>(ME_TOO_CUSTOMER_ACTION, async ({ body, action }) => {
    const person = await personFor(ctx, body.user.id);
    let view: unknown;
    if (!person) view = noticeModal(await unknownPersonReply(ctx, body.user.id));
    else {
      try {
        const insight = await loadReadableInsight(ctx.deps as Deps, person, action.value ?? '');
        view = meTooModal(insight.id, insight.title);
      } catch (error) {
        view = noticeModal(describeError(error));
      }
    }
    await ctx.client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  // Link buttons still report their click; the browser does the rest.
  app.action('open_in_heard', async () => {});

  app.view<ViewSubmitAction>(ME_TOO_CALLBACK, async ({ ack, body, view }) => {
    const person = await personFor(ctx, body.user.id);
    if (!person)
      return void (await ack({
        response_action: 'errors',
        errors: { customer: await unknownPersonReply(ctx, body.user.id) },
      }));
    const values = view.state.values;
    const customerId = values.customer?.value?.selected_option?.value;
    if (!customerId)
      return void (await ack({
        response_action: 'errors',
        errors: { customer: 'Pick the customer who says it too.' },
      }));
    try {
      await addEvidence(ctx.deps, {
        actor: person,
        insightId: view.private_metadata,
        customerId,
        note: values.note?.value?.value ?? null,
      });
      await reactToInsight(ctx.deps, { actor: person, insightId: view.private_metadata });
      await ack();
    } catch (error) {
      const errors = viewErrors(error, ['customer', 'note']);
      if (!errors) ctx.log.error({ err: error }, 'adding evidence from Slack failed');
      await ack({ response_action: 'errors', errors: errors ?? { customer: describeError(error) } });
    }
  });

  app.event('reaction_added', async ({ event }) => {
    if (event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const [card] = await ctx.db`
      select insight_id from chat_cards where platform = 'slack' and channel = ${channel} and message_ref = ${ts}`;
    if (card?.insight_id) {
      // An emoji on one of Heard's cards is a reaction to its insight.
      const person = await personFor(ctx, event.user);
      if (!person) return;
      await reactToInsight(ctx.deps, {
        actor: person,
        insightId: card.insight_id as string,
        emoji: event.reaction,
      }).catch((error) => ctx.log.info({ err: error }, 'reaction on a card not recorded'));
      return;
    }
    // Skin tones arrive as "bulb::skin-tone-2"; the emoji is what counts.
    if (!ctx.captureEmoji.includes(event.reaction.split('::')[0]!)) return;
    await enqueueJob(
      ctx.db,
      CAPTURE_TASK,
      { user: event.user, channel, ts },
      `${CAPTURE_TASK}:${channel}:${ts}:${event.user}`,
    );
  });
}
