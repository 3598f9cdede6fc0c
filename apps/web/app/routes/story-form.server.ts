import {
  type AttachmentMeta,
  attachToInsight,
  checkAttachments,
  type HeroMedia,
  type Insight,
  type Person,
  promoteToStory,
} from '@heard/domain';
import type { AppLoadContext } from 'react-router';
import { z } from 'zod';
import { type FieldErrors, toFieldErrors } from '../lib/errors.server';
import { readUploads, removeStored, storeUploads } from './attachments.server';

/**
 * The story form as it arrives; the domain checks the rules (lengths, address, audience), this the
 * shape, so every problem comes back at once. A hero without a description is shown as decoration
 * (empty alt): the headline beside it already says what the story is.
 */
export const StoryFormSchema = z.object({
  headline: z.string().max(10_000).default(''),
  summary: z.string().max(100_000).default(''),
  pullQuote: z.string().max(10_000).default(''),
  heroUrl: z.string().trim().max(2_000, 'That address is too long for an image.').default(''),
  heroAlt: z.string().trim().max(500, 'Keep the description under 500 characters.').default(''),
  publish: z.enum(['on']).optional(),
});
export type StoryForm = z.infer<typeof StoryFormSchema>;

/** What the form shows: the typed values after a refusal, otherwise the story so far. */
export type StoryFormValues = Record<'headline' | 'summary' | 'pullQuote' | 'heroUrl' | 'heroAlt', string> & {
  publish: boolean;
};

const VIDEO = /\.(mp4|webm|mov|m4v)(\?|#|$)/i;

function heroFrom(form: StoryForm): HeroMedia | null {
  if (!form.heroUrl) return null;
  return { kind: VIDEO.test(form.heroUrl) ? 'video' : 'image', url: form.heroUrl, alt: form.heroAlt };
}

/** A first quote in the text (a markdown `> "…"` line) makes a good pull quote to start from. */
const firstQuote = (body: string): string => body.match(/^>\s*["“]?(.+?)["”]?\s*$/m)?.[1]?.trim() ?? '';

/** The form's starting values: the existing story, or a draft taken from the insight itself. */
export function initialValues(insight: Insight): StoryFormValues {
  const story = insight.story;
  if (!story)
    return {
      headline: insight.title,
      summary: '',
      pullQuote: firstQuote(insight.body),
      heroUrl: '',
      heroAlt: '',
      publish: false,
    };
  return {
    headline: story.headline,
    summary: story.summary,
    pullQuote: story.pullQuote ?? '',
    heroUrl: story.heroMedia?.url ?? '',
    heroAlt: story.heroMedia?.alt ?? '',
    publish: story.status === 'published',
  };
}

export type StoryFormResult =
  | { ok: true; published: boolean }
  | { ok: false; errors: FieldErrors; values: StoryFormValues };

/** Reads the story form and runs `promoteToStory`; refusals come back with the typed values. */
export async function handleStoryForm(
  context: AppLoadContext,
  actor: Person,
  insightId: string,
  form: FormData,
): Promise<StoryFormResult> {
  const raw = Object.fromEntries(
    ['headline', 'summary', 'pullQuote', 'heroUrl', 'heroAlt', 'publish'].map((k) => [
      k,
      typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined,
    ]),
  );
  const values: StoryFormValues = {
    headline: raw.headline ?? '',
    summary: raw.summary ?? '',
    pullQuote: raw.pullQuote ?? '',
    heroUrl: raw.heroUrl ?? '',
    heroAlt: raw.heroAlt ?? '',
    publish: raw.publish === 'on',
  };
  const parsed = StoryFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { ok: false, errors, values };
  }
  const input = parsed.data;
  const { deps, uploadsDir } = context.hub;
  let stored: AttachmentMeta[] = [];
  try {
    // An uploaded hero becomes one of the insight's attachments, served only to its readers.
    const uploads = (await readUploads(form, 'heroFile')).slice(0, 1);
    let hero = heroFrom(input);
    if (uploads.length > 0) {
      const types = await checkAttachments(deps, {
        actor,
        insightId,
        files: uploads.map((u) => u.incoming),
      }).catch((error) => {
        throw renameField(error, 'attachments', 'heroFile');
      });
      stored = await storeUploads(uploadsDir, uploads, types);
      const file = stored[0]!;
      hero = {
        kind: types[0]!.kind,
        url: `/insights/${insightId}/attachments/${file.id}`,
        alt: input.heroAlt,
      };
    }
    await promoteToStory(deps, {
      actor,
      insightId,
      headline: input.headline,
      summary: input.summary,
      pullQuote: input.pullQuote || null,
      heroMedia: hero,
      publish: input.publish === 'on',
    });
    if (stored.length > 0) await attachToInsight(deps, { actor, insightId, attachments: stored });
    return { ok: true, published: input.publish === 'on' };
  } catch (error) {
    await removeStored(uploadsDir, stored);
    return { ok: false, errors: toFieldErrors(error), values };
  }
}

/** The attachment rules speak of `attachments`; on this form the field is the hero file. */
function renameField(error: unknown, from: string, to: string): unknown {
  const issues = (error as { issues?: { field: string }[] }).issues;
  if (Array.isArray(issues)) for (const issue of issues) if (issue.field === from) issue.field = to;
  return error;
}
