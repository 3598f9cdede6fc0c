import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import { canEvaluate } from '../../goals/policies';
import { canReadInsight } from '../../insights/visibility';
import type { Person } from '../../people/person';
import { ForbiddenError, IssueCollector, NotFoundError } from '../../shared/errors';
import { checkText, missingIds } from '../../shared/validate';
import type { Evaluation, EvaluationResult } from '../action';

export interface RecordEvaluationInput {
  actor: Person;
  subject: { kind: 'action'; actionId: string } | { kind: 'goal'; goalId: string };
  result: EvaluationResult;
  kpiValue?: number | null;
  evidenceInsightIds?: string[];
  note: string;
}

export interface RecordEvaluationResult {
  evaluation: Evaluation;
  /** Reporters of the insights behind the evaluated work: they hear what became of what they shared. */
  notifyPersonIds: string[];
}

/** The owner records the customer-side outcome of an action or a goal. */
export async function recordEvaluation(
  deps: Deps,
  input: RecordEvaluationInput,
): Promise<RecordEvaluationResult> {
  const action = input.subject.kind === 'action' ? await deps.actions.findById(input.subject.actionId) : null;
  if (input.subject.kind === 'action' && !action)
    throw new NotFoundError('ACTION.NOT_FOUND', 'No action has that id.');
  const goalId = action ? action.goalId : (input.subject as { goalId: string }).goalId;
  const goal = await deps.goals.findById(goalId);
  if (!goal) throw new NotFoundError('GOAL.NOT_FOUND', 'No goal has that id.');
  if (!canEvaluate(input.actor, goal)) {
    throw new ForbiddenError(
      'EVALUATION.NOT_OWNER',
      `Only the owner of "${goal.title}" may record evaluations.`,
    );
  }
  const issues = new IssueCollector();
  checkText(issues, 'note', input.note, {
    label: 'The note',
    code: 'EVALUATION.NOTE',
    required: true,
    max: 4000,
  });
  const kpiValue = input.kpiValue ?? null;
  if (kpiValue !== null && !Number.isFinite(kpiValue))
    issues.add('kpiValue', 'EVALUATION.KPI_VALUE', 'The KPI value must be a number.');
  const evidenceIds = [...new Set(input.evidenceInsightIds ?? [])];
  if (evidenceIds.length > 0) {
    // Evidence the evaluator may not read answers exactly like evidence that does not exist.
    const readable = (await deps.insights.findByIds(evidenceIds)).filter((i) =>
      canReadInsight(input.actor, i),
    );
    const missing = missingIds(evidenceIds, readable);
    if (missing.length > 0)
      issues.add(
        'evidenceInsightIds',
        'EVALUATION.UNKNOWN_INSIGHT',
        `No insight you can read has the id ${missing.join(', ')}.`,
      );
  }
  issues.throwIfAny();

  const citedIds = action
    ? action.citedInsightIds
    : (await deps.actions.listByGoal(goal.id)).flatMap((a) => a.citedInsightIds);
  const cited = await deps.insights.findByIds([...new Set(citedIds)]);
  const notifyPersonIds = [...new Set(cited.map((i) => i.reporterId))].filter((id) => id !== input.actor.id);

  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const evaluation = await tx.evaluations.create({
      subject: action
        ? { kind: 'action', actionId: action.id, goalId: goal.id }
        : { kind: 'goal', goalId: goal.id },
      result: input.result,
      kpiValue,
      evidenceInsightIds: evidenceIds,
      note: input.note.trim(),
      evaluatorId: input.actor.id,
      evaluatedAt: now,
    });
    if (kpiValue !== null) await tx.goals.setKpiCurrent(goal.id, kpiValue);
    await recordAudit(
      tx.audit,
      input.actor.id,
      'evaluation.recorded',
      { type: 'evaluation', id: evaluation.id },
      now,
      {
        goalId: goal.id,
        result: input.result,
      },
    );
    await tx.outbox.publish({ type: 'evaluation.recorded', evaluationId: evaluation.id, notifyPersonIds });
    return { evaluation, notifyPersonIds };
  });
}
