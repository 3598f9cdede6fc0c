import { type ActionStatus, updateActionStatus } from '@heard/domain';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackContext } from '../context';
import { personFor } from '../context';
import { describeError } from '../errors';
import { ACTION_STATUS_ACTION, homeView, loadHome } from '../home';
import { unknownPersonReply } from '../people';

/** Publishes a person's App Home: what became of what they shared, their actions, their digests. */
export async function publishHome(ctx: SlackContext, slackUserId: string, note?: string): Promise<void> {
  const person = await personFor(ctx, slackUserId);
  const view = person
    ? homeView(await loadHome(ctx.db, person.id), ctx.hubUrl)
    : {
        type: 'home' as const,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: await unknownPersonReply(ctx, slackUserId) } },
        ],
      };
  if (note) view.blocks.unshift({ type: 'context', elements: [{ type: 'mrkdwn', text: note }] });
  await ctx.client.views.publish({ user_id: slackUserId, view: view as never });
}

export function registerHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await publishHome(ctx, event.user);
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_STATUS_ACTION}:`), async ({ body, action }) => {
    const [actionId, status] = (action.value ?? '').split(':');
    const person = await personFor(ctx, body.user.id);
    let note: string | undefined;
    if (person) {
      try {
        await updateActionStatus(ctx.deps, {
          actor: person,
          actionId: actionId!,
          status: status as ActionStatus,
        });
      } catch (error) {
        note = `:warning: ${describeError(error)}`;
      }
    }
    await publishHome(ctx, body.user.id, note);
  });
}
