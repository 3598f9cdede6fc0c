import type { InsightKind, Sentiment } from '@heard/domain';
import type { SeededRandom } from './random';

/** A topic groups what customers say about one part of the product, and the goal it serves. */
interface Topic {
  tags: string[];
  goalIndex: number | null;
  things: string[];
  pains: string[];
  requests: string[];
  praise: string[];
}

const TOPICS: Topic[] = [
  {
    tags: ['billing', 'invoices'],
    goalIndex: 0,
    things: [
      'the invoice',
      'the monthly bill',
      'proration on upgrades',
      'the VAT line',
      'the payment reminder email',
    ],
    pains: [
      'was charged twice after changing plan mid-month and only found out from their bank',
      'cannot tell which seats the invoice is for, so finance rejects it every month',
      'got a dunning email while the card update was still processing and thought the account would be closed',
      'needs the PO number on the invoice or their accounts payable team will not pay it',
      'saw a proration credit they could not explain and spent an hour on the phone with us',
    ],
    requests: [
      'asked for invoices that list seats per department',
      'wants to pay by SEPA direct debit instead of card',
      'asked whether we can send invoices to a shared finance mailbox',
    ],
    praise: [
      'said the new invoice layout finally makes sense to their controller',
      'liked that the refund arrived the same day',
    ],
  },
  {
    tags: ['onboarding', 'setup'],
    goalIndex: 1,
    things: [
      'the setup wizard',
      'the first import',
      'the welcome email',
      'the sample templates',
      'SSO setup',
    ],
    pains: [
      'gave up on the import after the third CSV error and asked us to do it for them',
      'did not know where to start after signing up; the empty dashboard told them nothing',
      'spent two weeks waiting for IT to configure SSO before anyone could log in',
      'invited the whole team before setting up roles, and everyone saw everything',
    ],
    requests: [
      'asked for templates for their industry so the first report is not a blank page',
      'wants a checklist of what to do in the first week',
      'asked for a guided import that shows which columns are wrong',
    ],
    praise: [
      'had their first report running in an afternoon thanks to the templates',
      'said the onboarding call was the best part of the trial',
    ],
  },
  {
    tags: ['pricing', 'account-management'],
    goalIndex: 2,
    things: ['the pricing page', 'the renewal quote', 'the quarterly business review', 'the seat minimum'],
    pains: [
      'feels the jump from Team to Business pricing is too steep for a 60-person company',
      'has not heard from their account manager since the contract was signed',
      'was surprised by a 15% uplift at renewal without any warning',
    ],
    requests: [
      'asked for a mid-size plan between Team and Business',
      'wants a named contact who knows their setup',
      'asked for usage reports before the renewal conversation',
    ],
    praise: [
      'called the quarterly review genuinely useful for their board deck',
      'said our account manager knows their business better than they do',
    ],
  },
  {
    tags: ['churn', 'cancellation'],
    goalIndex: 3,
    things: ['the cancellation flow', 'the downgrade option', 'the pause feature'],
    pains: [
      'is cancelling because the owner thinks they do not use it, while the team uses it daily',
      'could not find how to downgrade and cancelled instead',
      'is moving to a competitor that bundles it with their accounting software',
    ],
    requests: [
      'asked whether they can pause the subscription over the summer',
      'wants a cheaper plan for a single user',
    ],
    praise: ['stayed after we offered a seasonal pause', 'said the retention call made them feel heard'],
  },
  {
    tags: ['mobile', 'offline'],
    goalIndex: 4,
    things: ['the mobile app', 'offline mode', 'push notifications', 'the photo upload on Android'],
    pains: [
      'loses notes written offline when the app syncs in a tunnel',
      'gets push notifications for every comment and has turned them all off',
      'cannot upload photos from Android 14; the spinner never stops',
      'finds the app logs them out every morning',
    ],
    requests: [
      'asked for a dark mode for night shifts',
      'wants to scan barcodes straight into a record',
      'asked for offline search',
    ],
    praise: [
      'said the new offline mode saved a whole day of site visits',
      "loves that the app opens straight on today's tasks",
    ],
  },
  {
    tags: ['reporting', 'exports'],
    goalIndex: null,
    things: ['the reporting module', 'the Excel export', 'scheduled reports', 'the API'],
    pains: [
      'has to export to Excel every Monday to build the chart their boss wants',
      'hit the API rate limit during the nightly sync and lost a day of data',
      'finds the export drops accents from customer names',
    ],
    requests: [
      'asked for scheduled reports by email',
      'wants a webhook when a record changes',
      'asked for a Power BI connector',
    ],
    praise: [
      'said the new dashboards replaced three spreadsheets',
      'was happy the export kept their custom fields',
    ],
  },
];

const OPENERS: Record<InsightKind, string[]> = {
  pain: ['On a call today,', 'In a support ticket,', 'During the renewal call,', 'At the site visit,'],
  request: ['Feature request:', 'Asked again this week:', 'On the QBR,'],
  praise: ['Nice one:', 'Good news from the field:', 'Heard on a call:'],
  churn_risk: ['Churn risk:', 'Heads-up, renewal at risk:', 'Worried about this account:'],
  idea: ['Idea from talking to customers:', 'What if', 'Thinking about what we heard:'],
  observation: ['Pattern I keep seeing:', 'Noticed across several accounts:', 'Observation:'],
  story: ['Customer story:', 'A story worth sharing:'],
};

export interface GeneratedText {
  title: string;
  body: string;
  kind: InsightKind;
  sentiment: Sentiment;
  tags: string[];
  goalIndex: number | null;
}

/** Writes one believable insight about a customer; the same random state always writes the same text. */
export function generateInsightText(rnd: SeededRandom, customerName: string, contact: string): GeneratedText {
  const topic = rnd.pick(TOPICS);
  const kind = rnd.weighted<InsightKind>([
    ['pain', 34],
    ['request', 22],
    ['praise', 12],
    ['churn_risk', 8],
    ['idea', 8],
    ['observation', 12],
    ['story', 4],
  ]);
  const thing = rnd.pick(topic.things);
  const opener = rnd.pick(OPENERS[kind]);
  let sentence: string;
  let sentiment: Sentiment;
  switch (kind) {
    case 'praise':
    case 'story':
      sentence = `${contact} at ${customerName} ${rnd.pick(topic.praise)}.`;
      sentiment = 'positive';
      break;
    case 'request':
      sentence = `${contact} at ${customerName} ${rnd.pick(topic.requests)}.`;
      sentiment = rnd.pick(['neutral', 'mixed'] as const);
      break;
    case 'idea':
      sentence = `${customerName} ${rnd.pick(topic.pains)} — ${rnd.pick(topic.requests).replace(/^asked for |^wants /, 'we could offer ')}.`;
      sentiment = 'neutral';
      break;
    case 'observation':
      sentence = `Several accounts like ${customerName} mention ${thing}: one ${rnd.pick(topic.pains)}.`;
      sentiment = 'mixed';
      break;
    default:
      sentence = `${contact} at ${customerName} ${rnd.pick(topic.pains)}.`;
      sentiment = 'negative';
  }
  const quote = rnd.chance(0.5) ? `\n\n> "${capitalise(rnd.pick(topic.pains))}." — ${contact}` : '';
  const followUp = rnd.chance(0.4) ? `\n\nThey mentioned ${thing} ${rnd.int(2, 6)} times on the call.` : '';
  const body = `${opener} ${sentence}${quote}${followUp}`;
  const title = `${customerName}: ${capitalise(summarise(sentence, customerName, contact))}`;
  return { title: title.slice(0, 140), body, kind, sentiment, tags: topic.tags, goalIndex: topic.goalIndex };
}

function summarise(sentence: string, customerName: string, contact: string): string {
  return sentence
    .replace(`${contact} at ${customerName} `, '')
    .replace(`Several accounts like ${customerName} mention `, '')
    .replace(`${customerName} `, '')
    .replace(/\.$/, '')
    .split(/[;—]/)[0]!
    .trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
