import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import { canAssignAction } from '../../goals/policies';
import { canReadInsight } from '../../insights/visibility';
import type { Person } from '../../people/person';
import { ForbiddenError, IssueCollector, NotFoundError } from '../../shared/errors';
import { checkText, isIsoDate, missingIds } from '../../shared/validate';
import type { Action } from '../action';

export interface AssignActionInput {
  actor: Person;
  goalId: string;
  assigneeId: string;
  title: string;
  dueDate?: string | null;
  citedInsightIds?: string[];
}

/** The goal's owner assigns work to someone inside the mandate, citing the insights behind it. */
export async function assignAction(deps: Deps, input: AssignActionInput): Promise<Action> {
  const goal = await deps.goals.findById(input.goalId);
  if (!goal) throw new NotFoundError('GOAL.NOT_FOUND', 'No goal has that id.');
  const assignee = await deps.people.findById(input.assigneeId);
  if (!assignee)
    throw new NotFoundError('PERSON.NOT_FOUND', 'No person has that id: pick the assignee from the list.');
  const decision = canAssignAction(input.actor, goal, assignee);
  if (!decision.allowed) throw new ForbiddenError(decision.code, decision.reason);

  const issues = new IssueCollector();
  checkText(issues, 'title', input.title, {
    label: 'The action',
    code: 'ACTION.TITLE',
    required: true,
    max: 200,
  });
  if (input.dueDate && !isIsoDate(input.dueDate))
    issues.add('dueDate', 'ACTION.DUE_DATE', 'The due date must be a date like 2026-09-30.');
  const cited = [...new Set(input.citedInsightIds ?? [])];
  if (cited.length > 0) {
    const readable = (await deps.insights.findByIds(cited)).filter((i) => canReadInsight(input.actor, i));
    const missing = missingIds(cited, readable);
    if (missing.length > 0)
      issues.add(
        'citedInsightIds',
        'ACTION.UNKNOWN_INSIGHT',
        `No insight you can read has the id ${missing.join(', ')}.`,
      );
  }
  issues.throwIfAny();

  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const action = await tx.actions.create({
      goalId: goal.id,
      title: input.title.trim(),
      assigneeId: assignee.id,
      assignedBy: input.actor.id,
      dueDate: input.dueDate || null,
      citedInsightIds: cited,
      createdAt: now,
    });
    await recordAudit(tx.audit, input.actor.id, 'action.assigned', { type: 'action', id: action.id }, now, {
      goalId: goal.id,
      assigneeId: assignee.id,
    });
    await tx.outbox.publish({ type: 'action.assigned', actionId: action.id });
    return action;
  });
}
