import type { Action, ActionStatus, Evaluation } from './action';

export type NewAction = Omit<Action, 'id' | 'updatedAt' | 'status'>;
export type NewEvaluation = Omit<Evaluation, 'id'>;

export interface ActionRepository {
  findById(id: string): Promise<Action | null>;
  listByGoal(goalId: string): Promise<Action[]>;
  create(action: NewAction): Promise<Action>;
  setStatus(id: string, status: ActionStatus, at: Date): Promise<Action>;
}

export interface EvaluationRepository {
  create(evaluation: NewEvaluation): Promise<Evaluation>;
  listByGoal(goalId: string): Promise<Evaluation[]>;
}
