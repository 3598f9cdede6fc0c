import type { Goal, GoalStatus, Kpi, Mandate } from './goal';

export interface NewGoal {
  title: string;
  why: string;
  kpi: Kpi;
  ownerId: string;
  mandate: Mandate;
  createdBy: string;
  createdAt: Date;
}

export interface GoalRepository {
  findById(id: string): Promise<Goal | null>;
  findByIds(ids: readonly string[]): Promise<Goal[]>;
  list(filter?: { status?: GoalStatus }): Promise<Goal[]>;
  create(goal: NewGoal): Promise<Goal>;
  setOwnerAndMandate(id: string, ownerId: string, mandate: Mandate): Promise<Goal>;
  setKpiCurrent(id: string, value: number): Promise<void>;
}
