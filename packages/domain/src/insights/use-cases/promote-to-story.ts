import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { ForbiddenError, IssueCollector } from '../../shared/errors';
import { checkText } from '../../shared/validate';
import type { HeroMedia, Story } from '../insight';
import { loadReadableInsight } from '../load-readable';

export interface PromoteToStoryInput {
  actor: Person;
  insightId: string;
  headline: string;
  summary: string;
  pullQuote?: string | null;
  heroMedia?: HeroMedia | null;
  publish: boolean;
}

/** Turns an insight into a customer story, as a draft or published. */
export async function promoteToStory(deps: Deps, input: PromoteToStoryInput): Promise<Story> {
  if (!canCurate(input.actor))
    throw new ForbiddenError('CURATION.NOT_CURATOR', 'Only curators may write stories.');
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  const issues = new IssueCollector();
  checkText(issues, 'headline', input.headline, {
    label: 'The headline',
    code: 'STORY.HEADLINE',
    required: true,
    max: 120,
  });
  checkText(issues, 'summary', input.summary, {
    label: 'The summary',
    code: 'STORY.SUMMARY',
    required: true,
    max: 2000,
  });
  checkText(issues, 'pullQuote', input.pullQuote, {
    label: 'The pull quote',
    code: 'STORY.PULL_QUOTE',
    max: 500,
  });
  if (input.heroMedia && !/^(https?:\/\/|\/)/.test(input.heroMedia.url)) {
    issues.add(
      'heroMedia',
      'STORY.HERO_URL',
      'The hero image or video needs an http(s) address or an uploaded file.',
    );
  }
  // Published stories go to channels and collections everyone reads.
  if (input.publish && insight.visibility.scope !== 'everyone') {
    issues.add(
      'publish',
      'STORY.RESTRICTED_INSIGHT',
      'This insight is restricted; make it visible to everyone before publishing its story.',
    );
  }
  issues.throwIfAny();

  const now = deps.clock.now();
  const wasPublished = insight.story?.status === 'published';
  const story: Story = {
    headline: input.headline.trim(),
    summary: input.summary.trim(),
    pullQuote: input.pullQuote?.trim() || null,
    heroMedia: input.heroMedia ?? null,
    status: input.publish ? 'published' : 'draft',
    curatorId: input.actor.id,
    publishedAt: input.publish ? (insight.story?.publishedAt ?? now) : null,
  };
  return deps.transaction(async (tx) => {
    await tx.insights.setStory(insight.id, story, now);
    await recordAudit(
      tx.audit,
      input.actor.id,
      input.publish ? 'story.published' : 'story.drafted',
      { type: 'insight', id: insight.id },
      now,
    );
    if (input.publish && !wasPublished)
      await tx.outbox.publish({ type: 'story.published', insightId: insight.id });
    return story;
  });
}
