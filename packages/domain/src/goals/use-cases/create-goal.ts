import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canSetGoals } from '../../people/policies';
import { ForbiddenError, IssueCollector } from '../../shared/errors';
import { checkText, isIsoDate } from '../../shared/validate';
import type { Goal, Kpi, Mandate } from '../goal';
import { checkOwnerAndMandate } from '../goal-rules';

export interface CreateGoalInput {
  actor: Person;
  title: string;
  why: string;
  kpi: Omit<Kpi, 'current'>;
  ownerId: string;
  mandate: Mandate;
}

/** A leader sets a strategic goal, names its owner and writes the owner's mandate. */
export async function createGoal(deps: Deps, input: CreateGoalInput): Promise<Goal> {
  if (!canSetGoals(input.actor))
    throw new ForbiddenError('GOAL.NOT_LEADER', 'Only leaders may set strategic goals.');
  const issues = new IssueCollector();
  checkText(issues, 'title', input.title, {
    label: 'The title',
    code: 'GOAL.TITLE',
    required: true,
    max: 140,
  });
  checkText(issues, 'why', input.why, { label: 'The why', code: 'GOAL.WHY', required: true, max: 4000 });
  checkKpi(input.kpi, issues);
  await checkOwnerAndMandate(deps, input.ownerId, input.mandate, issues);
  issues.throwIfAny();

  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const goal = await tx.goals.create({
      title: input.title.trim(),
      why: input.why.trim(),
      kpi: { ...input.kpi, name: input.kpi.name.trim(), unit: input.kpi.unit.trim(), current: null },
      ownerId: input.ownerId,
      mandate: { statement: input.mandate.statement.trim(), teamIds: [...new Set(input.mandate.teamIds)] },
      createdBy: input.actor.id,
      createdAt: now,
    });
    await recordAudit(tx.audit, input.actor.id, 'goal.created', { type: 'goal', id: goal.id }, now, {
      ownerId: goal.ownerId,
    });
    return goal;
  });
}

function checkKpi(kpi: Omit<Kpi, 'current'>, issues: IssueCollector): void {
  checkText(issues, 'kpi.name', kpi.name, {
    label: 'The KPI name',
    code: 'GOAL.KPI_NAME',
    required: true,
    max: 140,
  });
  checkText(issues, 'kpi.unit', kpi.unit, {
    label: 'The KPI unit',
    code: 'GOAL.KPI_UNIT',
    required: true,
    max: 40,
  });
  if (!Number.isFinite(kpi.baseline))
    issues.add('kpi.baseline', 'GOAL.KPI_BASELINE', 'The baseline must be a number.');
  if (!Number.isFinite(kpi.target))
    issues.add('kpi.target', 'GOAL.KPI_TARGET', 'The target must be a number.');
  else if (kpi.target === kpi.baseline) {
    issues.add('kpi.target', 'GOAL.KPI_TARGET_EQUALS_BASELINE', 'The target must differ from the baseline.');
  }
  if (!isIsoDate(kpi.dueDate))
    issues.add('kpi.dueDate', 'GOAL.KPI_DUE_DATE', 'The due date must be a date like 2026-09-30.');
}
