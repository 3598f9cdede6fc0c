import { canCurate, isDomainError, moveInOrder, type Person, reorderCollection } from '@heard/domain';
import { type AppLoadContext, data } from 'react-router';
import { z } from 'zod';
import { rethrowAsResponse } from '../lib/errors.server';

const OrderFormSchema = z.object({
  intent: z.enum(['reorder', 'up', 'down'], { error: 'Choose how to move the story.' }),
  collectionId: z.string().min(1),
  insightId: z.string().optional(),
  insightIds: z.array(z.string()).min(1, 'The collection has no stories to order.'),
});

/** Saves a collection's new order: a whole order (drag and drop) or one story a step up or down. */
export async function handleOrderForm(context: AppLoadContext, actor: Person, form: FormData) {
  if (!canCurate(actor)) throw data('Only curators can order a collection.', { status: 403 });
  const parsed = OrderFormSchema.safeParse({
    intent: form.get('intent') ?? undefined,
    collectionId: form.get('collectionId') ?? undefined,
    insightId: form.get('insightId') ?? undefined,
    insightIds: form.getAll('insightIds'),
  });
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
  const { intent, collectionId, insightId, insightIds } = parsed.data;
  const order =
    intent === 'reorder' ? insightIds : moveInOrder(insightIds, insightId ?? '', intent === 'up' ? -1 : 1);
  try {
    const collection = await reorderCollection(context.hub.deps, { actor, collectionId, insightIds: order });
    return { ok: true, order: collection.insightIds };
  } catch (error) {
    if (isDomainError(error) && error.kind === 'validation')
      return data({ error: error.message }, { status: 409 });
    return rethrowAsResponse(error);
  }
}
