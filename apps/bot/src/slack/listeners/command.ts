import { readScopeFor } from '@heard/domain';
import type { App } from '@slack/bolt';
import { helpBlocks, searchResultBlocks } from '../blocks/messages';
import type { SlackContext } from '../context';
import { personFor } from '../context';
import { unknownPersonReply } from '../people';
import { openShareModal } from './share';

export const COMMAND = '/heard';
const SEARCH = /^search(?:\s+([\s\S]*))?$/i;

/** `/heard <text>` shares, `/heard search <words>` finds, `/heard help` explains. */
export function registerCommand(app: App, ctx: SlackContext): void {
  // Already acknowledged (acknowledgeAndIgnoreRepeats): every answer goes to response_url.
  app.command(COMMAND, async ({ command, respond }) => {
    const text = command.text.trim();
    if (text === '' || /^help$/i.test(text)) {
      await respond({
        response_type: 'ephemeral',
        text: 'How to use Heard',
        blocks: helpBlocks(ctx.hubUrl) as never,
      });
      return;
    }
    const search = SEARCH.exec(text);
    if (search && !search[1]?.trim()) {
      await respond({
        response_type: 'ephemeral',
        text: 'Add the words to look for, e.g. `/heard search export button`.',
      });
      return;
    }
    const person = await personFor(ctx, command.user_id);
    if (search) {
      if (!person) {
        await respond({ response_type: 'ephemeral', text: await unknownPersonReply(ctx, command.user_id) });
        return;
      }
      const words = search[1]!.trim();
      // The engine applies the person's read scope inside its query: nothing restricted is fetched.
      const result = await ctx.search.search({ text: words, scope: readScopeFor(person), limit: 5 });
      await respond({
        response_type: 'ephemeral',
        text: `${result.total} insights match "${words}"`,
        blocks: searchResultBlocks(words, result.hits, result.total, ctx.hubUrl) as never,
      });
      return;
    }
    await openShareModal(ctx, command.trigger_id, command.user_id, person, text, {
      commandChannel: command.channel_id,
    });
  });
}
