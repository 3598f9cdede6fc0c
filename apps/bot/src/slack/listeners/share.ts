import { type InsightKind, type Person, postInsight, type Sentiment, type Visibility } from '@heard/domain';
import type { App, MessageShortcut, ViewSubmitAction } from '@slack/bolt';
import { enqueueJob } from '../../chat/receipts';
import { SHARE_CALLBACK, type ShareMetadata, shareModal } from '../blocks/share-modal';
import { plain } from '../blocks/text';
import type { SlackContext } from '../context';
import { personFor } from '../context';
import { describeError, viewErrors } from '../errors';
import { unknownPersonReply } from '../people';

export const SHARE_SHORTCUT = 'share_with_heard';
export const POST_CARD_TASK = 'slack-post-card';

/** A modal that only says something (unknown person, a refusal). */
export function noticeModal(text: string) {
  return {
    type: 'modal' as const,
    title: plain('Heard', 24),
    close: plain('Close', 24),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

/** Opens the share modal for a person, or tells them why it cannot open. */
export async function openShareModal(
  ctx: SlackContext,
  triggerId: string,
  slackUserId: string,
  person: Person | null,
  text: string,
  metadata: ShareMetadata,
): Promise<void> {
  if (!person) {
    await ctx.client.views.open({
      trigger_id: triggerId,
      view: noticeModal(await unknownPersonReply(ctx, slackUserId)) as never,
    });
    return;
  }
  const [goals, team] = await Promise.all([
    ctx.deps.goals.list({ status: 'active' }),
    person.teamId ? ctx.deps.teams.findById(person.teamId) : null,
  ]);
  const view = shareModal({ text, metadata, goals, teamName: team?.name ?? null });
  await ctx.client.views.open({ trigger_id: triggerId, view: view as never });
}

/** "Share with Heard" on a message, the form it opens, and the customer type-ahead inside it. */
export function registerShare(app: App, ctx: SlackContext): void {
  app.shortcut<MessageShortcut>(
    { callback_id: SHARE_SHORTCUT, type: 'message_action' },
    async ({ shortcut }) => {
      const message = shortcut.message as {
        text?: string;
        user?: string;
        ts: string;
        files?: Record<string, unknown>[];
      };
      const [person, permalink] = await Promise.all([
        personFor(ctx, shortcut.user.id),
        ctx.client.chat
          .getPermalink({ channel: shortcut.channel.id, message_ts: message.ts })
          .then((r) => r.permalink)
          .catch(() => undefined),
      ]);
      const files = (message.files ?? []).map((f) => ({
        name: String(f.name ?? f.title ?? 'file'),
        url: String(f.permalink ?? f.url_private ?? ''),
        mimetype: String(f.mimetype ?? 'application/octet-stream'),
        size: Number(f.size ?? 0),
      }));
      await openShareModal(ctx, shortcut.trigger_id, shortcut.user.id, person, message.text ?? '', {
        channel: shortcut.channel.id,
        ts: message.ts,
        permalink,
        author: message.user,
        files,
      });
    },
  );

  app.view<ViewSubmitAction>(SHARE_CALLBACK, async ({ ack, body, view }) => {
    const present = view.blocks.map((b) => b.block_id ?? '');
    const person = await personFor(ctx, body.user.id);
    if (!person) {
      await ack({ response_action: 'errors', errors: { body: await unknownPersonReply(ctx, body.user.id) } });
      return;
    }
    const metadata = JSON.parse(view.private_metadata || '{}') as ShareMetadata;
    const values = view.state.values;
    const selected = (block: string) => values[block]?.value?.selected_option?.value ?? undefined;
    const visibility = await readVisibility(
      ctx,
      person,
      selected('visibility'),
      values.people?.value?.selected_users ?? [],
    );
    if ('error' in visibility) {
      await ack({ response_action: 'errors', errors: { people: visibility.error } });
      return;
    }
    const customerId = selected('customer');
    const newCustomer = values.new_customer?.value?.value?.trim();
    try {
      const { insight, created } = await postInsight(ctx.deps, {
        actor: person,
        body: values.body?.value?.value ?? '',
        kind: (selected('kind') ?? 'observation') as InsightKind,
        sentiment: (selected('sentiment') ?? 'neutral') as Sentiment,
        source: {
          kind: 'slack',
          url: metadata.permalink ?? null,
          // One insight per message however often it is shared; a typed `/heard` is keyed by its form.
          externalId:
            metadata.channel && metadata.ts ? `${metadata.channel}:${metadata.ts}` : `view:${view.id}`,
        },
        customerIds: customerId ? [customerId] : [],
        customers: newCustomer ? [{ name: newCustomer }] : [],
        goalIds: (values.goals?.value?.selected_options ?? []).map((o) => o.value),
        tags: (values.tags?.value?.value ?? '').split(','),
        visibility: visibility.value,
        attachments: (metadata.files ?? []).map((f, i) => ({
          id: `${metadata.ts ?? view.id}:${i}`,
          fileName: f.name,
          contentType: f.mimetype,
          sizeBytes: f.size,
          url: f.url || null,
        })),
      });
      await ack();
      if (created) {
        await enqueueJob(
          ctx.db,
          POST_CARD_TASK,
          { insightId: insight.id, channel: metadata.channel, threadTs: metadata.ts, user: body.user.id },
          `${POST_CARD_TASK}:${insight.id}`,
        );
      }
    } catch (error) {
      const errors = viewErrors(error, present);
      if (!errors) ctx.log.error({ err: error }, 'sharing from Slack failed');
      await ack({ response_action: 'errors', errors: errors ?? { body: describeError(error) } });
    }
  });

  app.options({ block_id: 'customer', action_id: 'value' }, async ({ ack, options }) => {
    const customers = await ctx.deps.customers.search(options.value ?? '', 20);
    await ack({
      options: customers.map((c) => ({
        text: plain(c.segment ? `${c.name} (${c.segment})` : c.name),
        value: c.id,
      })),
    } as never);
  });
}

type VisibilityChoice = { value: Visibility } | { error: string };

/** The audience picked in the form; named Slack users must be people Heard knows. */
async function readVisibility(
  ctx: SlackContext,
  person: Person,
  choice: string | undefined,
  slackUsers: string[],
): Promise<VisibilityChoice> {
  if (choice === 'team' && person.teamId) return { value: { scope: 'team', teamId: person.teamId } };
  if (choice !== 'people') return { value: { scope: 'everyone' } };
  const people = await Promise.all(slackUsers.map((u) => personFor(ctx, u)));
  const missing = slackUsers.filter((_, i) => !people[i]);
  if (missing.length) {
    return {
      error: `${missing.map((u) => `<@${u}>`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in Heard yet: remove them or ask an admin to add them.`,
    };
  }
  return { value: { scope: 'people', personIds: people.map((p) => p!.id) } };
}
