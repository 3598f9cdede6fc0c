import type { Repositories } from '../deps';
import { IssueCollector } from '../shared/errors';
import { checkText, missingIds } from '../shared/validate';
import { MAX_BODY_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH, type Visibility } from './insight';

/** The parts of an insight a person writes, checked the same way when posting and editing. */
export interface InsightDraft {
  title?: string | null;
  body?: string;
  tags?: string[];
  customerIds?: string[];
  goalIds?: string[];
  visibility?: Visibility;
}

/** Collects every problem with a draft, looking up goals, customers and audiences that must exist. */
export async function checkInsightDraft(
  repos: Pick<Repositories, 'goals' | 'customers' | 'people' | 'teams'>,
  draft: InsightDraft,
  options: { requireBody: boolean },
): Promise<IssueCollector> {
  const issues = new IssueCollector();
  if (draft.body !== undefined || options.requireBody) {
    checkText(issues, 'body', draft.body, {
      label: 'The text',
      code: 'INSIGHT.BODY',
      required: true,
      max: MAX_BODY_LENGTH,
    });
  }
  checkText(issues, 'title', draft.title, {
    label: 'The title',
    code: 'INSIGHT.TITLE',
    max: MAX_TITLE_LENGTH,
  });
  if (draft.tags && draft.tags.length > MAX_TAGS) {
    issues.add('tags', 'INSIGHT.TOO_MANY_TAGS', `An insight takes at most ${MAX_TAGS} tags.`);
  }
  if (draft.goalIds && draft.goalIds.length > 0) {
    const goals = await repos.goals.findByIds(draft.goalIds);
    const missing = missingIds(draft.goalIds, goals);
    if (missing.length > 0) {
      issues.add(
        'goalIds',
        'INSIGHT.UNKNOWN_GOAL',
        `No goal has the id ${missing.join(', ')}: pick goals from the list.`,
      );
    }
    const inactive = goals.filter((g) => g.status !== 'active');
    if (inactive.length > 0) {
      issues.add(
        'goalIds',
        'GOAL.NOT_ACTIVE',
        `${inactive.map((g) => `"${g.title}"`).join(', ')} is no longer active: link insights to active goals.`,
      );
    }
  }
  if (draft.customerIds && draft.customerIds.length > 0) {
    const customers = await repos.customers.findByIds(draft.customerIds);
    const missing = missingIds(draft.customerIds, customers);
    if (missing.length > 0) {
      issues.add('customerIds', 'INSIGHT.UNKNOWN_CUSTOMER', `No customer has the id ${missing.join(', ')}.`);
    }
  }
  if (draft.visibility) await checkVisibility(repos, draft.visibility, issues);
  return issues;
}

async function checkVisibility(
  repos: Pick<Repositories, 'people' | 'teams'>,
  visibility: Visibility,
  issues: IssueCollector,
): Promise<void> {
  if (visibility.scope === 'team') {
    if (!(await repos.teams.findById(visibility.teamId))) {
      issues.add(
        'visibility',
        'VISIBILITY.UNKNOWN_TEAM',
        'The team chosen to see this insight does not exist.',
      );
    }
  } else if (visibility.scope === 'people') {
    const ids = [...new Set(visibility.personIds)];
    if (ids.length === 0) {
      issues.add(
        'visibility',
        'VISIBILITY.NOBODY',
        'Name at least one person who may see this insight, or choose a team or everyone.',
      );
      return;
    }
    const missing = missingIds(ids, await repos.people.findByIds(ids));
    if (missing.length > 0) {
      issues.add(
        'visibility',
        'VISIBILITY.UNKNOWN_PERSON',
        `Nobody has the id ${missing.join(', ')}: name people of the organisation.`,
      );
    }
  }
}
