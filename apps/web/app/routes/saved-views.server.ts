import { deleteFeedView, isValidationError, listFeedViews, type Person, saveFeedView } from '@heard/domain';
import { type AppLoadContext, data, redirect } from 'react-router';
import { rethrowAsResponse, toFieldErrors } from '../lib/errors.server';

/** The feed's own query keys; anything else (paging, notices) is not part of a view. */
const VIEW_KEYS = [
  'kind',
  'source',
  'goal',
  'sentiment',
  'team',
  'segment',
  'from',
  'to',
  'sort',
  'tag',
  'customer',
];

/** A feed query string reduced to its filters and sort, in a stable order. */
export function viewQuery(raw: string): string {
  const params = new URLSearchParams(raw.replace(/^\?/, ''));
  const kept = new URLSearchParams();
  for (const key of VIEW_KEYS) {
    const value = params.get(key)?.trim();
    if (value && !(key === 'sort' && value === 'newest')) kept.set(key, value.slice(0, 200));
  }
  return kept.toString();
}

export async function listViews(context: AppLoadContext, actor: Person) {
  const views = await listFeedViews(context.hub.deps, { actor });
  return views.map((v) => ({ id: v.id, name: v.name, href: v.query ? `/?${v.query}` : '/' }));
}

/** Saves the current feed as a named view, or deletes one; refusals keep what was typed. */
export async function handleSavedViewForm(context: AppLoadContext, actor: Person, form: FormData) {
  const intent = form.get('intent');
  if (intent === 'delete') {
    await deleteFeedView(context.hub.deps, { actor, viewId: String(form.get('viewId') ?? '') }).catch(
      rethrowAsResponse,
    );
    return redirect(String(form.get('returnTo') ?? '') === 'feed' ? '/' : '/saved-views');
  }
  const name = String(form.get('name') ?? '');
  const query = viewQuery(String(form.get('query') ?? ''));
  try {
    const view = await saveFeedView(context.hub.deps, { actor, name, query });
    return redirect(`/?${query}${query ? '&' : ''}view=${view.id}`);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    return data({ errors: toFieldErrors(error), values: { name, query } }, { status: 422 });
  }
}
