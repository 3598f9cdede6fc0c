import { adaptiveCard, type Card, type Element, errorBlock, text, truncate, words } from './card';

/** "Add evidence": which further customer says the same thing, and a note. Replaces the insight card in place. */
export function evidenceForm(
  insight: { id: string; title: string },
  customers: { id: string; name: string }[],
  error?: string,
): Card {
  if (customers.length === 0)
    return adaptiveCard(
      [text('Heard has no customers yet: add them in the hub, then add evidence here.')],
      [{ type: 'Action.Execute', title: 'Back', verb: 'show', data: { insightId: insight.id } }],
    );
  const blocks: Element[] = [];
  if (error) blocks.push(errorBlock(error));
  blocks.push(
    words(`Add evidence to “${truncate(insight.title, 120).text}”`, { weight: 'bolder' }),
    {
      type: 'Input.ChoiceSet',
      id: 'customerId',
      label: 'Which customer says this too?',
      style: 'filtered',
      isRequired: true,
      errorMessage: 'Pick a customer.',
      placeholder: 'Type a customer name',
      choices: customers.map((c) => ({ title: c.name, value: c.id })),
      'choices.data': { type: 'Data.Query', dataset: 'customers', count: 15 },
    },
    { type: 'Input.Text', id: 'note', label: 'Note (optional)', isMultiline: true, maxLength: 2000 },
  );
  return adaptiveCard(blocks, [
    {
      type: 'Action.Execute',
      title: 'Add evidence',
      verb: 'add-evidence',
      data: { insightId: insight.id, title: truncate(insight.title, 120).text },
    },
    {
      type: 'Action.Execute',
      title: 'Cancel',
      verb: 'show',
      data: { insightId: insight.id },
      associatedInputs: 'none',
    },
  ]);
}
