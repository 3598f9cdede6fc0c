import {
  ACTION_STATUSES,
  type ActionStatus,
  assignAction,
  EVALUATION_RESULTS,
  type EvaluationResult,
  type Person,
  recordEvaluation,
  updateActionStatus,
} from '@heard/domain';
import type { AppLoadContext } from 'react-router';
import { z } from 'zod';

const AssignSchema = z.object({
  intent: z.literal('assign'),
  title: z.string().default(''),
  assigneeId: z.string().min(1, 'Choose who will do it.'),
  dueDate: z.string().optional().default(''),
  citedInsightIds: z.array(z.string()).default([]),
});
const MoveSchema = z.object({
  intent: z.literal('move'),
  actionId: z.string(),
  status: z.enum(ACTION_STATUSES),
});
const EvaluateSchema = z.object({
  intent: z.literal('evaluate'),
  subject: z.string().min(1),
  result: z.enum(EVALUATION_RESULTS, { error: 'Choose how things changed for customers.' }),
  kpiValue: z.string().optional().default(''),
  note: z.string().default(''),
});
const GoalFormSchema = z.discriminatedUnion('intent', [AssignSchema, MoveSchema, EvaluateSchema]);

/** Reads the goal page's three forms (assign, move, evaluate) and runs the matching use case. */
export async function handleGoalForm(context: AppLoadContext, actor: Person, goalId: string, form: FormData) {
  const parsed = GoalFormSchema.safeParse({
    ...Object.fromEntries(form),
    citedInsightIds: form.getAll('citedInsightIds'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      intent: String(form.get('intent')),
      errors: { [String(issue.path[0] ?? 'form')]: issue.message },
    };
  }
  const input = parsed.data;
  const deps = context.hub.deps;
  if (input.intent === 'assign') {
    await assignAction(deps, { actor, goalId, ...input, dueDate: input.dueDate || null });
  } else if (input.intent === 'move') {
    await updateActionStatus(deps, { actor, actionId: input.actionId, status: input.status as ActionStatus });
  } else {
    const kpiValue = input.kpiValue.trim() === '' ? null : Number(input.kpiValue);
    await recordEvaluation(deps, {
      actor,
      subject:
        input.subject === 'goal' ? { kind: 'goal', goalId } : { kind: 'action', actionId: input.subject },
      result: input.result as EvaluationResult,
      kpiValue,
      note: input.note,
    });
  }
  return { intent: input.intent, errors: {} as Record<string, string>, done: true };
}
