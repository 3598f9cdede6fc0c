import { INSIGHT_KINDS, SENTIMENTS, type Visibility } from '@heard/domain';
import { z } from 'zod';

/** The post form as it arrives; the domain checks the rules (length, goals, audience), this checks the shape. */
export const PostFormSchema = z.object({
  title: z.string().max(1000).optional().default(''),
  body: z.string().default(''),
  kind: z.enum(INSIGHT_KINDS, { error: 'Choose what kind of insight this is.' }),
  sentiment: z.enum(SENTIMENTS, { error: 'Choose how the customer felt.' }),
  customerId: z.string().optional().default(''),
  /** What was typed in the customer field: resolved on the server when no id was picked. */
  customer: z.string().max(200, 'Type at most 200 characters for the customer.').optional().default(''),
  goalIds: z.array(z.string()).default([]),
  tags: z.string().optional().default(''),
  visibility: z.enum(['everyone', 'team', 'people'], { error: 'Choose who may see this insight.' }),
  personIds: z.array(z.string()).default([]),
});
export type PostForm = z.infer<typeof PostFormSchema>;

/** Reads repeated fields (checkboxes, multi-selects) as arrays and single ones as strings. */
export function formToObject(form: FormData): Record<string, unknown> {
  return {
    title: form.get('title') ?? undefined,
    body: form.get('body') ?? undefined,
    kind: form.get('kind') ?? undefined,
    sentiment: form.get('sentiment') ?? undefined,
    customerId: form.get('customerId') ?? undefined,
    customer: form.get('customer') ?? undefined,
    goalIds: form.getAll('goalIds'),
    tags: form.get('tags') ?? undefined,
    visibility: form.get('visibility') ?? undefined,
    personIds: form.getAll('personIds'),
  };
}

export function visibilityFrom(form: PostForm, teamId: string | null): Visibility {
  if (form.visibility === 'team' && teamId) return { scope: 'team', teamId };
  if (form.visibility === 'people') return { scope: 'people', personIds: form.personIds };
  return { scope: 'everyone' };
}

export const splitTags = (tags: string): string[] => tags.split(/[,\s]+/).filter(Boolean);
