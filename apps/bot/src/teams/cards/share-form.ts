import { INSIGHT_KINDS, SENTIMENTS } from '@heard/domain';
import { adaptiveCard, type Card, type Element, errorBlock, words } from './card';

/** What the "Share with Heard" dialog is prefilled with, and what the person typed last time. */
export interface ShareFormView {
  body: string;
  author: string | null;
  link: string | null;
  goals: { id: string; title: string }[];
  /** Chosen customers (id and name), so a returned form keeps them. */
  customers: { id: string; name: string }[];
  /** Customers listed before anything is typed (the most valuable); typing asks the bot for more. */
  suggestedCustomers: { id: string; name: string }[];
  teamName: string | null;
  values?: Partial<Record<'kind' | 'sentiment' | 'goalIds' | 'tags' | 'visibility', string>>;
  error?: string;
}

export const KIND_CHOICES: Record<(typeof INSIGHT_KINDS)[number], string> = {
  pain: 'Pain',
  request: 'Request',
  praise: 'Praise',
  churn_risk: 'Churn risk',
  idea: 'Idea',
  observation: 'Observation',
  story: 'Story',
};

/** Each customer once, in the order given (chosen ones first). */
export function customerChoices(customers: { id: string; name: string }[]) {
  const seen = new Set<string>();
  return customers
    .filter((c) => !seen.has(c.id) && seen.add(c.id))
    .map((c) => ({ title: c.name, value: c.id }));
}

const choices = (entries: [string, string][]) => entries.map(([value, title]) => ({ title, value }));

/** The dialog's form; its inputs' ids are the fields `parseShareSubmission` reads. */
export function shareForm(view: ShareFormView): Card {
  const v = view.values ?? {};
  const blocks: Element[] = [];
  if (view.error) blocks.push(errorBlock(view.error));
  if (view.author) blocks.push(words(`From ${view.author}`, { isSubtle: true }, { spacing: 'none' }));
  blocks.push(
    {
      type: 'Input.Text',
      id: 'body',
      label: 'What did you hear?',
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Say what the customer said.',
      maxLength: 20_000,
      value: view.body,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: 'Kind',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Pick a kind.',
      value: v.kind ?? 'observation',
      choices: choices(INSIGHT_KINDS.map((k) => [k, KIND_CHOICES[k]])),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'sentiment',
      label: 'Sentiment',
      style: 'compact',
      value: v.sentiment ?? 'neutral',
      choices: choices(SENTIMENTS.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)])),
    },
  );
  const customers = customerChoices([...view.customers, ...view.suggestedCustomers]);
  // With no customers in Heard yet there is nothing to pick (and an empty choice set is invalid).
  if (customers.length > 0)
    blocks.push({
      // Type-ahead: Teams asks the bot (`application/search`, dataset "customers") as people type.
      type: 'Input.ChoiceSet',
      id: 'customerIds',
      label: 'Customers',
      isMultiSelect: true,
      style: 'filtered',
      placeholder: 'Type a customer name',
      choices: customers,
      'choices.data': { type: 'Data.Query', dataset: 'customers', count: 15 },
      value: view.customers.map((c) => c.id).join(','),
    });
  if (view.goals.length > 0)
    blocks.push({
      type: 'Input.ChoiceSet',
      id: 'goalIds',
      label: 'Goals it serves',
      isMultiSelect: true,
      style: 'compact',
      value: v.goalIds ?? '',
      choices: view.goals.slice(0, 50).map((g) => ({ title: g.title, value: g.id })),
    });
  blocks.push(
    {
      type: 'Input.Text',
      id: 'tags',
      label: 'Tags',
      placeholder: 'onboarding, pricing',
      maxLength: 400,
      value: v.tags ?? '',
    },
    {
      type: 'Input.ChoiceSet',
      id: 'visibility',
      label: 'Who can see it',
      style: 'expanded',
      value: v.visibility ?? 'everyone',
      choices: [
        { title: 'Everyone in Heard', value: 'everyone' },
        ...(view.teamName ? [{ title: `Only ${view.teamName}`, value: 'team' }] : []),
        { title: 'Only me', value: 'me' },
      ],
    },
  );
  return adaptiveCard(blocks, [
    {
      type: 'Action.Submit',
      title: 'Share',
      style: 'positive',
      data: { heard: 'share', link: view.link, author: view.author },
    },
  ]);
}
