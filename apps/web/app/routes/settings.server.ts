import type { Person } from '@heard/domain';
import type { AppLoadContext } from 'react-router';
import { z } from 'zod';

const CreateTokenSchema = z.object({
  intent: z.literal('create'),
  name: z
    .string()
    .trim()
    .min(1, 'Name the token after what will use it, e.g. "CRM sync".')
    .max(100, 'Keep the name under 100 characters.'),
});
const RevokeTokenSchema = z.object({ intent: z.literal('revoke'), tokenId: z.string().min(1) });
const TokenFormSchema = z.discriminatedUnion('intent', [CreateTokenSchema, RevokeTokenSchema]);

/** What the settings page shows after a form: the new secret (once), or what went wrong. */
export interface TokenFormResult {
  errors: Record<string, string>;
  created?: { name: string; secret: string };
  revoked?: boolean;
}

/** Creates or revokes one of the actor's API tokens from the settings page's forms. */
export async function handleTokenForm(
  context: AppLoadContext,
  actor: Person,
  form: FormData,
): Promise<TokenFormResult> {
  const parsed = TokenFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { errors: { [String(issue.path[0] ?? 'form')]: issue.message } };
  }
  const input = parsed.data;
  const tokens = context.hub.apiTokens;
  if (input.intent === 'create') {
    const { token, secret } = await tokens.create(actor.id, input.name);
    return { errors: {}, created: { name: token.name, secret } };
  }
  if (!(await tokens.revoke(actor.id, input.tokenId))) {
    return { errors: { form: 'That token is already revoked, or is not yours.' } };
  }
  return { errors: {}, revoked: true };
}
