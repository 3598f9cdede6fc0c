import type { Insight } from '../insights/insight';
import { canReadInsight } from '../insights/visibility';
import { isAdmin, type Person, type Team } from '../people/person';

/** Why one person may read an insight; a person may have several reasons. */
export type ReadReason = 'reporter' | 'everyone' | 'team' | 'named' | 'admin';

export interface Reader {
  personId: string;
  name: string;
  reasons: ReadReason[];
}

export interface ReadersExplanation {
  /** The rule in one sentence, e.g. "Visible to the Billing team". */
  rule: string;
  readers: Reader[];
  /** How many people may not read it. */
  excludedCount: number;
}

/**
 * Who may read an insight and why, from the same rule `canReadInsight` applies; every
 * reader it lists passes that rule and everyone it leaves out fails it.
 */
export function explainReaders(
  insight: Pick<Insight, 'reporterId' | 'visibility'>,
  people: readonly Pick<Person, 'id' | 'name' | 'teamId' | 'roles'>[],
  teams: readonly Pick<Team, 'id' | 'name'>[],
): ReadersExplanation {
  const v = insight.visibility;
  const rule =
    v.scope === 'everyone'
      ? 'Visible to everyone in the organisation.'
      : v.scope === 'team'
        ? `Restricted to the ${teams.find((t) => t.id === v.teamId)?.name ?? 'former'} team, its reporter and admins.`
        : `Restricted to ${v.personIds.length} named ${v.personIds.length === 1 ? 'person' : 'people'}, its reporter and admins.`;
  const readers: Reader[] = [];
  for (const person of people) {
    if (!canReadInsight(person, insight)) continue;
    const reasons: ReadReason[] = [];
    if (person.id === insight.reporterId) reasons.push('reporter');
    if (v.scope === 'everyone') reasons.push('everyone');
    if (v.scope === 'team' && person.teamId === v.teamId) reasons.push('team');
    if (v.scope === 'people' && v.personIds.includes(person.id)) reasons.push('named');
    if (isAdmin(person)) reasons.push('admin');
    readers.push({ personId: person.id, name: person.name, reasons });
  }
  readers.sort((a, b) => a.name.localeCompare(b.name));
  return { rule, readers, excludedCount: people.length - readers.length };
}

export const READ_REASON_LABELS: Record<ReadReason, string> = {
  reporter: 'shared it',
  everyone: 'visible to everyone',
  team: 'in the audience team',
  named: 'named in the audience',
  admin: 'admin (answers export and erasure requests)',
};
