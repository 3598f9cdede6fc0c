import type { Repositories } from '../deps';
import { IssueCollector } from '../shared/errors';
import { checkText, missingIds } from '../shared/validate';
import type { Mandate } from './goal';

/** An owner must exist and a mandate must say what it allows and over which teams. */
export async function checkOwnerAndMandate(
  repos: Pick<Repositories, 'people' | 'teams'>,
  ownerId: string,
  mandate: Mandate,
  issues: IssueCollector = new IssueCollector(),
): Promise<IssueCollector> {
  if (!(await repos.people.findById(ownerId))) {
    issues.add('ownerId', 'GOAL.UNKNOWN_OWNER', 'The owner must be a person of the organisation.');
  }
  checkText(issues, 'mandate.statement', mandate.statement, {
    label: 'The mandate',
    code: 'GOAL.MANDATE',
    required: true,
    max: 2000,
  });
  const teamIds = [...new Set(mandate.teamIds)];
  if (teamIds.length === 0) {
    issues.add(
      'mandate.teamIds',
      'GOAL.MANDATE_NO_TEAMS',
      'Name at least one team the owner may assign actions to.',
    );
  } else {
    const teams = await repos.teams.list();
    const missing = missingIds(teamIds, teams);
    if (missing.length > 0)
      issues.add('mandate.teamIds', 'GOAL.UNKNOWN_TEAM', `No team has the id ${missing.join(', ')}.`);
  }
  return issues;
}
