import { z } from 'zod';

const EnvSchema = z.object({
  BOT_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  /** Emoji names (without colons, comma-separated) that capture a message when reacted with. */
  SLACK_REACTION_EMOJI: z.string().min(1).default('heard,bulb'),
  /** Slack channel id where published stories are posted; none: stories are not posted. */
  SLACK_STORIES_CHANNEL: z.string().min(1).optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  /** Email digests over SMTP; without it email digests are kept in the web archive only. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** Teams conversation id of the channel where published stories are posted; none: not posted. */
  TEAMS_STORIES_CONVERSATION: z.string().min(1).optional(),
  /** Bot Connector service URL for channels the bot has not heard from yet (Teams' global default). */
  TEAMS_SERVICE_URL: z.string().url().optional(),
});

export type BotConfig = z.infer<typeof EnvSchema> & { slack: boolean; teams: boolean };

/** Reads the bot's settings once; an integration is on only when its settings are all there. */
export function readBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  // An empty variable (`DATABASE_URL=` in an env file) means "not set".
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Environment variable ${String(issue.path[0])} is not valid: ${issue.message}.`);
  }
  const c = parsed.data;
  return {
    ...c,
    slack: Boolean(c.SLACK_SIGNING_SECRET && c.SLACK_BOT_TOKEN),
    teams: Boolean(c.MICROSOFT_APP_ID && c.MICROSOFT_APP_PASSWORD),
  };
}

/** One line per integration saying whether it is on, printed at start. */
export function describeIntegrations(config: BotConfig): string[] {
  return [
    config.slack
      ? `Slack is on${config.SLACK_APP_TOKEN ? ' (Socket Mode)' : ''}.`
      : 'Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on.',
    config.teams
      ? 'Microsoft Teams is on.'
      : 'Microsoft Teams is off: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn it on.',
    config.SMTP_URL
      ? 'Email digests are on.'
      : 'Email digests are kept in the web archive only: set SMTP_URL to send them.',
  ];
}
