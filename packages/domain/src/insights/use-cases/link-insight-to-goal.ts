import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { ForbiddenError, IssueCollector, NotFoundError } from '../../shared/errors';
import { checkText } from '../../shared/validate';
import { loadReadableInsight } from '../load-readable';

export interface LinkInsightToGoalInput {
  actor: Person;
  insightId: string;
  goalId: string;
  /** One line on why this insight serves the goal. */
  rationale?: string | null;
}

/**
 * Tags an insight to a goal it serves. The reporter, curators and the goal's
 * owner may; linking twice keeps the first link.
 */
export async function linkInsightToGoal(
  deps: Deps,
  input: LinkInsightToGoalInput,
): Promise<{ linked: boolean }> {
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  const goal = await deps.goals.findById(input.goalId);
  if (!goal) throw new NotFoundError('GOAL.NOT_FOUND', 'No goal has that id.');
  const mayLink =
    insight.reporterId === input.actor.id || canCurate(input.actor) || goal.ownerId === input.actor.id;
  if (!mayLink) {
    throw new ForbiddenError(
      'INSIGHT.NOT_LINKABLE',
      'Only the reporter, a curator or the goal owner may link this insight.',
    );
  }
  const issues = new IssueCollector();
  if (goal.status !== 'active')
    issues.add('goalId', 'GOAL.NOT_ACTIVE', `"${goal.title}" is ${goal.status}: link to an active goal.`);
  checkText(issues, 'rationale', input.rationale, {
    label: 'The rationale',
    code: 'GOAL_LINK.RATIONALE',
    max: 280,
  });
  issues.throwIfAny();
  if (insight.goals.some((g) => g.goalId === goal.id)) return { linked: false };

  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    await tx.insights.linkGoal(insight.id, {
      goalId: goal.id,
      rationale: input.rationale?.trim() || null,
      linkedBy: input.actor.id,
      linkedAt: now,
    });
    await recordAudit(
      tx.audit,
      input.actor.id,
      'insight.linked_to_goal',
      { type: 'insight', id: insight.id },
      now,
      {
        goalId: goal.id,
      },
    );
    await tx.outbox.publish({
      type: 'insight.linked_to_goal',
      insightId: insight.id,
      goalId: goal.id,
      linkedBy: input.actor.id,
    });
    return { linked: true };
  });
}
