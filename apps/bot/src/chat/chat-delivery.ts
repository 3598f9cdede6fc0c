/**
 * What the rest of the bot (notifications, digests) needs from a chat platform, so jobs say
 * "tell this person" once and each platform decides how. Slack and Teams each implement it.
 */
export type ChatPlatform = 'slack' | 'teams';

/** One message with a plain-text fallback and each platform's rich form. */
export interface ChatMessage {
  /** Plain text: notifications' fallback, screen readers, and platforms without rich cards. */
  text: string;
  /** The hub page the message is about (absolute URL), shown as an "Open in Heard" button. */
  link?: string;
  /** Block Kit blocks, used by Slack. */
  slackBlocks?: unknown[];
  /**
   * An Adaptive Card (the card's JSON, not the attachment wrapper), used by Teams. When absent,
   * Teams renders a compact card from `text` and `link`; Slack likewise falls back to `text`.
   */
  teamsCard?: Record<string, unknown>;
}

export interface ChatDeliveryResult {
  /** False when the person has no account or conversation on this platform. */
  delivered: boolean;
  /** The platform's id of the message sent (Slack ts, Teams activity id). */
  messageRef?: string;
  /** Where it was sent (Slack channel id, Teams conversation id). */
  channel?: string;
}

export interface ChatDelivery {
  readonly platform: ChatPlatform;
  /**
   * Sends a direct message. Rate limits and transient failures are retried inside; a failure
   * that outlasts them throws, so the job that called this is retried by the queue and the
   * message is never lost.
   */
  sendToPerson(personId: string, message: ChatMessage): Promise<ChatDeliveryResult>;
  /** Posts to a configured channel (published stories, shared digests). */
  sendToChannel(channel: string, message: ChatMessage): Promise<ChatDeliveryResult>;
  /** Where published stories go on this platform, when configured. */
  readonly storiesChannel?: string;
  /** Redraws the cards this platform posted about an insight (counts, goal links) after a change. */
  refreshCards?(insightId: string): Promise<void>;
}
