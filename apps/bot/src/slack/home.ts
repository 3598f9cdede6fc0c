import { createDigestsHub, type Db, listActionsFor, type SubscriptionView } from '@heard/db';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './blocks/text';

export const ACTION_STATUS_ACTION = 'action_status';
export const DIGEST_SUBSCRIBE_ACTION = 'digest_subscribe';
export const DIGEST_UNSUBSCRIBE_ACTION = 'digest_unsubscribe';

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
  const subscriptions = await createDigestsHub(db).subscriptionsOf(personId);
  return {
    insights: insights.map(
      (r) => ({ id: r.id, title: r.title, goals: r.goals, actions: r.actions }) as HomeInsight,
    ),
    actions,
    subscriptions,
  };
}

const CHANNEL = { slack: 'Slack', teams: 'Teams', email: 'email', web: 'the web archive' } as Record<
  SubscriptionView['channel'],
  string
>;

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
  if (home.subscriptions.length === 0)
    blocks.push({
      type: 'section',
      text: mrkdwn('No digests yet: subscribe to hear a goal, tag or team regularly.'),
    });
  // Ten rows keep the home under Slack's 100 blocks; the rest are on the hub's settings page.
  for (const s of home.subscriptions.slice(0, 10)) {
    blocks.push({
      type: 'section',
      block_id: `digest:${s.id}`,
      text: mrkdwn(
        `*${escapeMrkdwn(s.scopeLabel)}*\n${escapeMrkdwn(s.cadenceLabel)}, by ${CHANNEL[s.channel]}`,
      ),
      accessory: {
        type: 'button',
        action_id: DIGEST_UNSUBSCRIBE_ACTION,
        text: plain('Unsubscribe'),
        value: s.id,
        confirm: {
          title: plain('Unsubscribe?', 100),
          text: plain(`No more digests for ${s.scopeLabel}.`, 300),
          confirm: plain('Unsubscribe'),
          deny: plain('Keep it'),
        },
      },
    });
  }
  if (home.subscriptions.length > 10)
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`${home.subscriptions.length - 10} more in <${hubUrl}/settings|settings>.`)],
    });
  blocks.push({
    type: 'actions',
    block_id: 'digests',
    elements: [
      { type: 'button', action_id: DIGEST_SUBSCRIBE_ACTION, text: plain('Subscribe'), style: 'primary' },
    ],
  });
  return { type: 'home' as const, blocks: blocks.slice(0, 100) };
}
