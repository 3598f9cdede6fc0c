export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** How a goal is measured: from a baseline towards a target by a due date. */
export interface Kpi {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  /** Latest measured value, from the most recent evaluation that recorded one. */
  current: number | null;
  dueDate: string;
}

/** What the owner may decide, and the teams they may assign actions to. */
export interface Mandate {
  statement: string;
  teamIds: string[];
}

/** A strategic goal set by a leader, owned by one person within a mandate. */
export interface Goal {
  id: string;
  title: string;
  why: string;
  kpi: Kpi;
  status: GoalStatus;
  ownerId: string;
  mandate: Mandate;
  createdBy: string;
  createdAt: Date;
}

/** Share of the way from baseline to target, 0..1 (either direction of improvement). */
export function kpiProgress(kpi: Kpi): number | null {
  if (kpi.current === null || kpi.target === kpi.baseline) return null;
  const share = (kpi.current - kpi.baseline) / (kpi.target - kpi.baseline);
  return Math.max(0, Math.min(1, share));
}
