import { type Db, listActionsFor } from '@heard/db';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './blocks/text';

export const ACTION_STATUS_ACTION = 'action_status';

interface HomeInsight {
  id: string;
  title: string;
  goals: string[];
  actions: { title: string; status: string; result: string | null }[];
}

/** Everything App Home shows one person, read from what they shared, were assigned and follow. */
export async function loadHome(db: Db, personId: string) {
  const insights = await db`
    select i.id, i.title,
      coalesce((select array_agg(g.title order by g.title) from insight_goals ig join goals g on g.id = ig.goal_id
                where ig.insight_id = i.id), '{}') as goals,
      coalesce((select json_agg(json_build_object('title', a.title, 'status', a.status,
                  'result', (select e.result from evaluations e where e.action_id = a.id order by e.evaluated_at desc limit 1))
                  order by a.created_at)
                from actions a where i.id = any(a.cited_insight_ids)), '[]') as actions
    from insights i where i.reporter_id = ${personId}
    order by i.created_at desc limit 10`;
  const actions = (await listActionsFor(db, personId)).filter(
    (a) => a.status === 'open' || a.status === 'in_progress',
  );
  const subscriptions = await db`
    select scope, cadence, channel, local_time from subscriptions where person_id = ${personId} order by created_at`;
  return {
    insights: insights.map(
      (r) => ({ id: r.id, title: r.title, goals: r.goals, actions: r.actions }) as HomeInsight,
    ),
    actions,
    subscriptions: subscriptions.map((s) => ({
      scope: s.scope as { kind: string; tag?: string; segment?: string },
      cadence: s.cadence as { kind: string },
      channel: s.channel as string,
      localTime: s.local_time as string,
    })),
  };
}

const STATUS = { open: 'open', in_progress: 'in progress', done: 'done', wont_do: "won't do" } as Record<
  string,
  string
>;
const RESULT = {
  better: 'better for customers',
  unchanged: 'no change for customers',
  worse: 'worse for customers',
} as Record<string, string>;

function becameOf(insight: HomeInsight): string {
  const parts: string[] = [];
  if (insight.goals.length) parts.push(`goal: ${insight.goals.map(escapeMrkdwn).join(', ')}`);
  for (const a of insight.actions) {
    parts.push(
      `action "${escapeMrkdwn(a.title)}" ${STATUS[a.status] ?? a.status}${a.result ? ` (${RESULT[a.result]})` : ''}`,
    );
  }
  return parts.length ? parts.join(' · ') : 'waiting for a curator';
}

/** The App Home view. */
export function homeView(home: Awaited<ReturnType<typeof loadHome>>, hubUrl: string) {
  const blocks: unknown[] = [{ type: 'header', text: plain('What became of what you shared', 150) }];
  if (home.insights.length === 0) {
    blocks.push({
      type: 'section',
      text: mrkdwn('Nothing yet. Share a message with *More actions › Share with Heard*.'),
    });
  }
  for (const i of home.insights) {
    blocks.push({
      type: 'section',
      text: mrkdwn(
        `*<${hubUrl}/insights/${i.id}|${escapeMrkdwn(truncate(i.title, 200))}>*\n${truncate(becameOf(i), 2500)}`,
      ),
    });
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Your open actions', 150) });
  if (home.actions.length === 0) blocks.push({ type: 'section', text: mrkdwn('No open actions.') });
  for (const a of home.actions.slice(0, 15)) {
    const moves = a.status === 'open' ? ['in_progress', 'done'] : ['done', 'open'];
    blocks.push(
      {
        type: 'section',
        text: mrkdwn(
          `*${escapeMrkdwn(a.title)}* · ${STATUS[a.status]}\n${escapeMrkdwn(a.goalTitle)}${a.dueDate ? ` · due ${a.dueDate}` : ''}`,
        ),
      },
      {
        type: 'actions',
        block_id: `action:${a.id}`,
        elements: moves.map((to) => ({
          type: 'button',
          action_id: `${ACTION_STATUS_ACTION}:${to}`,
          text: plain(to === 'in_progress' ? 'Start' : to === 'done' ? 'Done' : 'Reopen'),
          value: `${a.id}:${to}`,
          ...(to === 'done' ? { style: 'primary' } : {}),
        })),
      },
    );
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Your digests', 150) });
  blocks.push({
    type: 'section',
    text: mrkdwn(
      home.subscriptions.length
        ? home.subscriptions
            .map((s) => `• ${describeScope(s.scope)}, ${s.cadence.kind} at ${s.localTime}, by ${s.channel}`)
            .join('\n')
        : `No digests. Subscribe in the hub: ${hubUrl}/settings`,
    ),
  });
  return { type: 'home' as const, blocks: blocks.slice(0, 100) };
}

function describeScope(scope: { kind: string; tag?: string; segment?: string }): string {
  if (scope.kind === 'tag') return `tag #${escapeMrkdwn(scope.tag ?? '')}`;
  if (scope.kind === 'segment') return `segment ${escapeMrkdwn(scope.segment ?? '')}`;
  if (scope.kind === 'stories') return 'published stories';
  return `a ${scope.kind}`;
}
