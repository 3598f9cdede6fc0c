import { MAX_BODY_LENGTH } from '@heard/domain';
import { requireActor } from '../lib/auth.server';
import { renderMarkdown } from '../lib/markdown.server';
import type { Route } from './+types/markdown-preview';

/**
 * Renders what someone is writing exactly as the insight page will show it:
 * the same markdown and the same sanitiser, on the server.
 */
export async function action({ request, context }: Route.ActionArgs) {
  requireActor(context, request);
  const form = await request.formData();
  const text = String(form.get('body') ?? '').slice(0, MAX_BODY_LENGTH);
  return { html: text.trim() ? renderMarkdown(text) : '' };
}
