import { RETENTION_LABELS, type RetentionData, type RetentionPolicy } from './retention';

/** One kind of personal data Heard keeps: what, where, how long, who may read it. */
export interface DataMapEntry {
  name: string;
  /** Personal data in it, in plain words. */
  personalData: string;
  /** Tables (and other stores) holding it. */
  stores: string[];
  /** The retention policy that governs it, or a sentence when no policy applies. */
  retention: RetentionData | string;
  readers: string;
}

/** The information audit: every place personal data lives in Heard. */
export const DATA_MAP: DataMapEntry[] = [
  {
    name: 'Customers',
    personalData:
      'name, identifiers from other systems (email, phone, CRM and support numbers), segment, yearly value',
    stores: ['customers', 'customer_identifiers', 'customer_merges', 'customer_reviews'],
    retention: 'Until the customer is erased (a GDPR request on the Erasure page).',
    readers:
      'Everyone signed in sees names on insights and customer pages; identifiers on the customer page.',
  },
  {
    name: 'Insight text',
    personalData:
      'what customers said, as the reporter wrote it; contact, payment and ID details masked at intake',
    stores: ['insights', 'stories', 'evidence', 'insight_comments'],
    retention: 'insight_text',
    readers: 'Each insight’s audience (everyone, a team or named people), its reporter and admins.',
  },
  {
    name: 'Masked originals',
    personalData: 'the emails, phone numbers and addresses masked at intake, where the policy keeps them',
    stores: ['pii_originals', 'pii_findings'],
    retention: 'pii_originals',
    readers: 'Admins only; every read is in the audit log.',
  },
  {
    name: 'Search index',
    personalData: 'a copy of insight text and customer names, for search',
    stores: ['search_documents', 'search_words', 'Meilisearch (when MEILI_URL is set)'],
    retention: 'Follows the insights: rewritten whenever one changes, is anonymised or erased.',
    readers: 'The same audience as each insight, applied inside the search query.',
  },
  {
    name: 'Digests',
    personalData: 'archived copies of what subscribers received (insight titles, customer names)',
    stores: ['digests'],
    retention: 'Kept in the subscriber’s archive; anonymised when a customer is erased.',
    readers: 'The subscriber.',
  },
  {
    name: 'Chat cards and receipts',
    personalData: 'where Heard posted cards about insights (channel and message ids); ids of chat deliveries',
    stores: ['chat_cards', 'chat_receipts', 'chat_conversations'],
    retention: 'chat_receipts',
    readers: 'Nobody reads them in the hub; the bot uses them to update or remove cards.',
  },
  {
    name: 'Notifications',
    personalData: 'insight titles and names in each person’s inbox',
    stores: ['notifications'],
    retention: 'notifications',
    readers: 'The person the notification is for.',
  },
  {
    name: 'People (staff)',
    personalData: 'name, work email, team, roles, Slack and Teams ids, password hash',
    stores: ['people', 'sessions', 'api_tokens', 'account_links'],
    retention: 'While the account exists; deactivated accounts keep their name on what they shared.',
    readers: 'Everyone signed in sees names and teams; admins manage accounts.',
  },
  {
    name: 'Audit log',
    personalData:
      'which staff member read, changed, exported or erased what, and when; never customer identifiers',
    stores: ['audit_events'],
    retention: 'Kept for good: append-only, no one can change or delete an event.',
    readers: 'Admins.',
  },
];

/** The retention column in words, from the policies in force. */
export function describeRetention(entry: DataMapEntry, policies: readonly RetentionPolicy[]): string {
  const applying = policies.filter((p) => p.data === entry.retention);
  if (applying.length === 0)
    return entry.retention in RETENTION_LABELS
      ? 'Kept until someone removes it (no policy set).'
      : entry.retention;
  return applying
    .map(
      (p) =>
        `${p.source ? `from ${p.source}: ` : ''}${p.keepDays} days, then ${p.afterwards === 'anonymise' ? 'anonymised' : 'deleted'}`,
    )
    .join('; ');
}
