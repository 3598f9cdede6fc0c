import { createDigestsHub } from '@heard/db';
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { scopeChoices, subscriptionFieldErrors, subscriptionRequestFrom } from '../../chat/subscription-form';
import {
  SUBSCRIBE_BLOCKS,
  SUBSCRIBE_CALLBACK,
  subscribeFormValues,
  subscribeModal,
} from '../blocks/subscribe-modal';
import type { SlackContext } from '../context';
import { personFor } from '../context';
import { describeError } from '../errors';
import { DIGEST_SUBSCRIBE_ACTION, DIGEST_UNSUBSCRIBE_ACTION } from '../home';
import { unknownPersonReply } from '../people';
import { publishHome } from './home';
import { noticeModal } from './share';

/** The zone on the person's Slack profile, so the form starts from their own clock. */
async function slackTimeZone(ctx: SlackContext, slackUserId: string): Promise<string> {
  try {
    const info = await ctx.client.users.info({ user: slackUserId });
    return info.user?.tz || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Digest subscriptions from App Home: the Subscribe form and an Unsubscribe button per subscription. */
export function registerDigests(app: App, ctx: SlackContext): void {
  const hub = createDigestsHub(ctx.db, ctx.deps.clock);

  app.action<BlockAction<ButtonAction>>(DIGEST_SUBSCRIBE_ACTION, async ({ body }) => {
    const person = await personFor(ctx, body.user.id);
    const view = person
      ? subscribeModal({
          scopes: await scopeChoices(ctx.deps),
          timeZone: await slackTimeZone(ctx, body.user.id),
        })
      : noticeModal(await unknownPersonReply(ctx, body.user.id));
    await ctx.client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.view<ViewSubmitAction>(SUBSCRIBE_CALLBACK, async ({ ack, body, view }) => {
    const person = await personFor(ctx, body.user.id);
    if (!person) {
      await ack({
        response_action: 'errors',
        errors: { scope: await unknownPersonReply(ctx, body.user.id) },
      });
      return;
    }
    const values = subscribeFormValues(view.state.values as never);
    try {
      const { created } = await hub.subscribe(person, subscriptionRequestFrom(values));
      await ack();
      await publishHome(
        ctx,
        body.user.id,
        created ? ':white_check_mark: Subscribed.' : 'You were already subscribed to that digest.',
      );
    } catch (error) {
      const fields = subscriptionFieldErrors(error, values);
      if (!fields) {
        ctx.log.error({ err: error }, 'subscribing from Slack failed');
        await ack({ response_action: 'errors', errors: { scope: describeError(error) } });
        return;
      }
      const errors = Object.fromEntries(
        Object.entries(fields).map(([field, message]) => [
          SUBSCRIBE_BLOCKS[field as keyof typeof SUBSCRIBE_BLOCKS],
          message,
        ]),
      );
      await ack({ response_action: 'errors', errors });
    }
  });

  app.action<BlockAction<ButtonAction>>(DIGEST_UNSUBSCRIBE_ACTION, async ({ body, action }) => {
    const person = await personFor(ctx, body.user.id);
    let note: string | undefined;
    if (person) {
      try {
        await hub.unsubscribe(person, action.value ?? '');
        note = 'Unsubscribed: that digest will not come again.';
      } catch (error) {
        note = `:warning: ${describeError(error)}`;
      }
    }
    await publishHome(ctx, body.user.id, note);
  });
}
