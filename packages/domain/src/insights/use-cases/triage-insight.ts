import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import type { TriageState } from '../insight';
import { canReadInsight } from '../visibility';

export interface TriageInsightInput {
  actor: Person;
  /** One or many: curators triage in bulk. */
  insightIds: string[];
  state: TriageState;
}

/** Moves insights through the curators' queue: new → triaged → archived. */
export async function triageInsight(deps: Deps, input: TriageInsightInput): Promise<{ updated: number }> {
  if (!canCurate(input.actor))
    throw new ForbiddenError('CURATION.NOT_CURATOR', 'Only curators may triage insights.');
  const ids = [...new Set(input.insightIds)];
  if (ids.length === 0) {
    throw new ValidationError([
      { field: 'insightIds', code: 'TRIAGE.NOTHING_SELECTED', message: 'Select at least one insight.' },
    ]);
  }
  const insights = await deps.insights.findByIds(ids);
  const readable = insights.filter((i) => canReadInsight(input.actor, i));
  if (readable.length !== ids.length) {
    throw new NotFoundError(
      'INSIGHT.NOT_FOUND',
      'Some of the selected insights do not exist or are not visible to you.',
    );
  }
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    await tx.insights.setTriage(ids, input.state, now);
    for (const id of ids) {
      await recordAudit(tx.audit, input.actor.id, 'insight.triaged', { type: 'insight', id }, now, {
        state: input.state,
      });
      await tx.outbox.publish({ type: 'insight.edited', insightId: id });
    }
    return { updated: ids.length };
  });
}
