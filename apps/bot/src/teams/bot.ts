import { ActivityHandler, MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { cardAction, reactionsAdded } from './card-actions';
import { attachment } from './cards/card';
import { welcomeCard } from './cards/messages';
import { handleCommand } from './commands';
import { personOf, referenceOf } from './identity';
import { searchMessageExtension, typeAhead } from './message-search';
import { openShareDialog, submitShareDialog } from './share';
import { saveChannel, savePersonConversation } from './store';
import type { TeamsApp } from './teams-app';

type InvokeHandler = (app: TeamsApp, context: TurnContext) => Promise<unknown>;

/** Teams invokes by name; each answers within Teams' 5 seconds and leaves slow work to jobs. */
const INVOKES: Record<string, InvokeHandler> = {
  'composeExtension/fetchTask': openShareDialog,
  'composeExtension/submitAction': submitShareDialog,
  'composeExtension/query': searchMessageExtension,
  'application/search': typeAhead,
  'adaptiveCard/action': cardAction,
};

/** Heard in Teams: personal commands, the share dialog, search, card buttons and installs. */
export class HeardTeamsBot extends ActivityHandler {
  constructor(private readonly app: TeamsApp) {
    super();
    this.onMessage(async (context, next) => {
      await handleCommand(app, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id === botId))
        await this.installed(context, true);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context, false);
      await next();
    });
    this.onReactionsAdded(async (context, next) => {
      await reactionsAdded(app, context);
      await next();
    });
  }

  /**
   * Installed in a personal scope: remember the conversation (notifications go there) and
   * welcome the person once. Added to a team: remember the channel (published stories).
   */
  private async installed(context: TurnContext, welcome: boolean): Promise<void> {
    const reference = referenceOf(context);
    if (!reference) return;
    const kind = context.activity.conversation?.conversationType;
    if (kind === 'channel') {
      const channelData = (context.activity.channelData ?? {}) as { team?: { name?: string } };
      await saveChannel(this.app.db.sql, { ...reference, teamName: channelData.team?.name ?? null });
      return;
    }
    if (kind !== 'personal') return;
    const person = await personOf(this.app, context);
    if (person) await savePersonConversation(this.app.db.sql, person.id, reference);
    if (welcome)
      await context.sendActivity(
        MessageFactory.attachment(
          attachment(welcomeCard(person?.name ?? null, this.app.hubUrl)) as never,
          'Welcome to Heard',
        ),
      );
  }

  protected override async onInvokeActivity(context: TurnContext) {
    const handler = INVOKES[context.activity.name ?? ''];
    if (!handler) return super.onInvokeActivity(context);
    try {
      return { status: 200, body: await handler(this.app, context) };
    } catch (error) {
      this.app.log.error({ err: error, invoke: context.activity.name }, 'Teams invoke failed');
      return { status: 500 };
    }
  }
}
