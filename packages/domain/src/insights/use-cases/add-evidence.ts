import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { IssueCollector } from '../../shared/errors';
import { checkText } from '../../shared/validate';
import type { Evidence } from '../insight';
import { loadReadableSurvivor } from '../load-readable';

export interface AddEvidenceInput {
  actor: Person;
  insightId: string;
  customerId: string;
  note?: string | null;
}

/** Records that a further customer says the same thing ("we hear this from Acme too"). */
export async function addEvidence(deps: Deps, input: AddEvidenceInput): Promise<Evidence> {
  const insight = await loadReadableSurvivor(deps, input.actor, input.insightId);
  const issues = new IssueCollector();
  checkText(issues, 'note', input.note, { label: 'The note', code: 'EVIDENCE.NOTE', max: 2000 });
  if (!(await deps.customers.findById(input.customerId))) {
    issues.add('customerId', 'EVIDENCE.UNKNOWN_CUSTOMER', 'No customer has that id: pick one from the list.');
  }
  issues.throwIfAny();
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const evidence = await tx.insights.addEvidence({
      insightId: insight.id,
      customerId: input.customerId,
      addedBy: input.actor.id,
      note: input.note?.trim() || null,
      createdAt: now,
    });
    await recordAudit(
      tx.audit,
      input.actor.id,
      'insight.evidence_added',
      { type: 'insight', id: insight.id },
      now,
      {
        customerId: input.customerId,
      },
    );
    await tx.outbox.publish({ type: 'insight.edited', insightId: insight.id });
    return evidence;
  });
}
