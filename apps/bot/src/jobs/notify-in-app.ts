import type { Db } from '@heard/db';
import { createRepositories } from '@heard/db';
import { canReadInsight, type DomainEvent } from '@heard/domain';
import type { Task } from 'graphile-worker';

const OUTCOME: Record<string, string> = {
  better: 'got better',
  unchanged: 'stayed the same',
  worse: 'got worse',
};

interface Notice {
  personId: string;
  kind: string;
  text: string;
  link: string;
  dedupeKey: string;
}

/**
 * Works out who should hear about an event, in the words they will read. A notice about an
 * insight reaches only people who may read it: a goal's owner outside a restricted insight's
 * audience is not told its title, in the inbox or in chat.
 */
export async function noticesFor(db: Db, event: DomainEvent): Promise<Notice[]> {
  const notices = await candidateNotices(db, event);
  const readable = await Promise.all(notices.map((n) => mayRead(db, n.personId, n.link)));
  return notices.filter((_, i) => readable[i]);
}

const INSIGHT_LINK = /^\/insights\/([0-9a-f-]{36})/i;

async function mayRead(db: Db, personId: string, link: string): Promise<boolean> {
  const insightId = INSIGHT_LINK.exec(link)?.[1];
  if (!insightId) return true;
  const repos = createRepositories(db);
  const [person, insight] = await Promise.all([
    repos.people.findById(personId),
    repos.insights.findById(insightId),
  ]);
  return Boolean(person && insight && canReadInsight(person, insight));
}

async function candidateNotices(db: Db, event: DomainEvent): Promise<Notice[]> {
  const repos = createRepositories(db);
  switch (event.type) {
    case 'insight.posted': {
      const insight = await repos.insights.findById(event.insightId);
      if (insight?.visibility.scope !== 'people') return [];
      const reporter = await repos.people.findById(insight.reporterId);
      return insight.visibility.personIds
        .filter((id) => id !== insight.reporterId)
        .map((personId) => ({
          personId,
          kind: 'insight.shared_with_you',
          text: `${reporter?.name ?? 'Someone'} shared an insight with you: ${insight.title}`,
          link: `/insights/${insight.id}`,
          dedupeKey: `shared:${insight.id}:${personId}`,
        }));
    }
    case 'insight.commented': {
      const insight = await repos.insights.findById(event.insightId);
      // The reporter hears of others' comments, not of their own.
      if (!insight || insight.reporterId === event.authorId) return [];
      const author = await repos.people.findById(event.authorId);
      return [
        {
          personId: insight.reporterId,
          kind: 'insight.commented',
          text: `${author?.name ?? 'Someone'} commented on your insight: ${insight.title}`,
          link: `/insights/${insight.id}#comment-${event.commentId}`,
          dedupeKey: `commented:${event.commentId}`,
        },
      ];
    }
    case 'insight.linked_to_goal': {
      const [insight, goal] = await Promise.all([
        repos.insights.findById(event.insightId),
        repos.goals.findById(event.goalId),
      ]);
      if (!insight || !goal || goal.ownerId === event.linkedBy) return [];
      return [
        {
          personId: goal.ownerId,
          kind: 'goal.insight_linked',
          text: `New insight for "${goal.title}": ${insight.title}`,
          link: `/insights/${insight.id}`,
          dedupeKey: `linked:${insight.id}:${goal.id}`,
        },
      ];
    }
    case 'action.assigned': {
      const action = await repos.actions.findById(event.actionId);
      if (!action) return [];
      const [goal, owner] = await Promise.all([
        repos.goals.findById(action.goalId),
        repos.people.findById(action.assignedBy),
      ]);
      return [
        {
          personId: action.assigneeId,
          kind: 'action.assigned',
          text: `${owner?.name ?? 'The goal owner'} assigned you "${action.title}" for "${goal?.title ?? 'a goal'}"`,
          link: '/',
          dedupeKey: `assigned:${action.id}`,
        },
      ];
    }
    case 'evaluation.recorded': {
      const [row] = await db`
        select e.result, e.goal_id, a.title as action_title, g.title as goal_title
        from evaluations e join goals g on g.id = e.goal_id left join actions a on a.id = e.action_id
        where e.id::text = ${event.evaluationId}`;
      if (!row) return [];
      const what = row.action_title ? `"${row.action_title}"` : `the work on "${row.goal_title}"`;
      return event.notifyPersonIds.map((personId) => ({
        personId,
        kind: 'evaluation.recorded',
        text: `What became of what you shared: ${what} was evaluated: for customers things ${OUTCOME[row.result as string] ?? 'changed'}.`,
        link: `/?goal=${row.goal_id}`,
        dedupeKey: `evaluated:${event.evaluationId}:${personId}`,
      }));
    }
    default:
      return [];
  }
}

/** Stores notices in each person's in-app inbox; a retry adds nothing twice. */
export function notifyInApp(db: Db): Task {
  return async (payload) => {
    const notices = await noticesFor(db, payload as DomainEvent);
    for (const n of notices) {
      await db`insert into notifications (person_id, kind, text, link, dedupe_key)
               values (${n.personId}, ${n.kind}, ${n.text}, ${n.link}, ${n.dedupeKey})
               on conflict (dedupe_key) do nothing`;
    }
  };
}
