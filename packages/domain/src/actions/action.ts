export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Work an owner assigns under a goal, citing the insights that motivate it. */
export interface Action {
  id: string;
  goalId: string;
  title: string;
  assigneeId: string;
  assignedBy: string;
  dueDate: string | null;
  status: ActionStatus;
  citedInsightIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const EVALUATION_RESULTS = ['better', 'unchanged', 'worse'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

/** The customer-side outcome of an action or a goal. */
export interface Evaluation {
  id: string;
  subject: { kind: 'action'; actionId: string; goalId: string } | { kind: 'goal'; goalId: string };
  result: EvaluationResult;
  kpiValue: number | null;
  evidenceInsightIds: string[];
  note: string;
  evaluatorId: string;
  evaluatedAt: Date;
}

const ALLOWED_MOVES: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in_progress', 'done', 'wont_do'],
  in_progress: ['open', 'done', 'wont_do'],
  done: ['in_progress'],
  wont_do: ['open'],
};

/** Closed actions can be reopened, but not jump straight from "won't do" to "done". */
export function canMoveAction(from: ActionStatus, to: ActionStatus): boolean {
  return ALLOWED_MOVES[from].includes(to);
}
