import { createDeps } from '@heard/db';
import { buildGoal, buildInsight, buildTeam } from '@heard/db/testing';
import {
  assignAction,
  type Goal,
  type Person,
  postInsight,
  promoteToStory,
  recordEvaluation,
} from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { HUB, useSlackBot } from './support/slack-bot';

const bot = useSlackBot({ worker: true, env: { SLACK_STORIES_CHANNEL: 'C0STORIES' } });
let owner: Person;
let assignee: Person;
let reporter: Person;
let curator: Person;
let goal: Goal;
let deps: ReturnType<typeof createDeps>;

const dmsTo = (user: string) =>
  bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}`);

async function waitForDm(user: string, count = 1) {
  for (let i = 0; i < 400 && dmsTo(user).length < count; i++) await new Promise((r) => setTimeout(r, 25));
  expect(dmsTo(user).length).toBeGreaterThanOrEqual(count);
  return dmsTo(user);
}

beforeAll(async () => {
  deps = createDeps(bot.db.sql);
  const team = await buildTeam(bot.db.sql, { name: 'Onboarding' });
  owner = await bot.person('U0OWNER', { roles: ['owner'], name: 'Olga Owner' });
  assignee = await bot.person('U0ASSIGNEE', { teamId: team.id, name: 'Ari Assignee' });
  reporter = await bot.person('U0REPORTER', { name: 'Rui Reporter' });
  curator = await bot.person('U0CURATOR', { roles: ['curator'] });
  goal = await buildGoal(bot.db.sql, {
    title: 'Faster onboarding',
    ownerId: owner.id,
    mandate: { statement: 'Onboarding changes', teamIds: [team.id] },
  });
});

describe('notifications in Slack, sent by jobs', () => {
  it('tells the assignee about an action and, once it is evaluated, every reporter it cited', async () => {
    const insight = await buildInsight(bot.db.sql, {
      reporterId: reporter.id,
      title: 'Setup wizard is confusing',
    });
    const action = await assignAction(deps, {
      actor: owner,
      goalId: goal.id,
      assigneeId: assignee.id,
      title: 'Rewrite the setup wizard',
      citedInsightIds: [insight.id],
    });
    const [assigned] = await waitForDm('U0ASSIGNEE');
    expect(textOf(assigned!.args.blocks)).toContain(
      'Olga Owner assigned you "Rewrite the setup wizard" for "Faster onboarding"',
    );

    await recordEvaluation(deps, {
      actor: owner,
      subject: { kind: 'action', actionId: action.id },
      result: 'better',
      note: 'Setup time halved',
    });
    const [evaluated] = await waitForDm('U0REPORTER');
    const text = textOf(evaluated!.args.blocks);
    expect(text).toContain(
      'What became of what you shared: "Rewrite the setup wizard" was evaluated: for customers things got better.',
    );
    expect(JSON.stringify(evaluated!.args.blocks)).toContain(`"url":"${HUB}/?goal=${goal.id}"`);
  });

  it('does not tell a goal owner outside a restricted insight’s audience what it says', async () => {
    const finance = await buildTeam(bot.db.sql, { name: 'Finance' });
    const insider = await bot.person('U0INSIDER', { teamId: finance.id });
    const { insight } = await postInsight(deps, {
      actor: insider,
      body: 'Osprey is negotiating a 40% discount',
      kind: 'churn_risk',
      sentiment: 'negative',
      source: { kind: 'web' },
      goalIds: [goal.id],
      visibility: { scope: 'team', teamId: finance.id },
    });
    const task = bot.integrations.tasks['notify-chat']!;
    await task(
      { type: 'insight.linked_to_goal', insightId: insight.id, goalId: goal.id, linkedBy: insider.id },
      {} as never,
    );
    expect(dmsTo('U0OWNER').map((c) => String(c.args.text))).not.toContainEqual(
      expect.stringContaining('discount'),
    );
    const [receipt] = await bot.db
      .sql`select 1 from chat_receipts where key = ${`notice:linked:${insight.id}:${goal.id}`}`;
    expect(receipt).toBeUndefined();
  });

  it('waits out a 429 with Retry-After and then delivers', async () => {
    bot.slack.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const before = bot.slack.callsTo('chat.postMessage').length;
    await assignAction(deps, {
      actor: owner,
      goalId: goal.id,
      assigneeId: assignee.id,
      title: 'Shorter signup form',
    });
    // The refused attempt is recorded too: the delivery is the third message to the assignee.
    const dms = await waitForDm('U0ASSIGNEE', 3);
    expect(textOf(dms.at(-1)!.args.blocks)).toContain('Shorter signup form');
    // One refused attempt, then the same message again.
    const attempts = bot.slack
      .callsTo('chat.postMessage')
      .slice(before)
      .filter((c) => String(c.args.text).includes('Shorter signup form'));
    expect(attempts).toHaveLength(2);
    expect(bot.logs.some((l) => l.msg === 'Slack rate limit; waiting' && l.retryAfterSeconds === 1)).toBe(
      true,
    );
  });

  it('keeps a notice queued when Slack fails past every retry, and delivers it on the job’s next attempt', async () => {
    const failures = Array.from({ length: 5 }, () => ({ status: 503, body: { ok: false } }));
    bot.slack.failNext('chat.postMessage', ...failures);
    await assignAction(deps, {
      actor: owner,
      goalId: goal.id,
      assigneeId: assignee.id,
      title: 'Welcome call script',
    });
    // The job failed and waits in the queue with its error: nothing is lost.
    let failed: Record<string, unknown>[] = [];
    for (let i = 0; i < 400 && failed.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      failed = await bot.db.sql`select id, attempts, last_error from graphile_worker.jobs
                                where task_identifier = 'notify-chat' and attempts > 0 and last_error is not null`;
    }
    expect(failed).toHaveLength(1);
    const [receipt] = await bot.db
      .sql`select 1 from chat_receipts where key like 'notice:assigned:%' and result::text like '%Welcome%'`;
    expect(receipt).toBeUndefined();
    // Run it again now rather than after the queue's backoff.
    await bot.db
      .sql`update graphile_worker._private_jobs set run_at = now() where id = ${failed[0]!.id as string}`;
    const dms = await waitForDm('U0ASSIGNEE', 3 + failures.length + 1);
    expect(textOf(dms.at(-1)!.args.blocks)).toContain('Welcome call script');
  });

  it('posts a published story to the stories channel as a card', async () => {
    const insight = await buildInsight(bot.db.sql, {
      reporterId: reporter.id,
      title: 'Heron Air renewed early',
    });
    await promoteToStory(deps, {
      actor: curator,
      insightId: insight.id,
      headline: 'How Heron Air got live in a day',
      summary: 'The new wizard took them from contract to first shipment in one day.',
      pullQuote: 'We were live before lunch.',
      publish: true,
    });
    let post: { args: Record<string, unknown> } | undefined;
    for (let i = 0; i < 400 && !post; i++) {
      await new Promise((r) => setTimeout(r, 25));
      post = bot.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0STORIES');
    }
    const text = textOf(post!.args.blocks);
    expect(text).toContain('How Heron Air got live in a day');
    expect(text).toContain('> We were live before lunch.');
    let cards: Record<string, unknown>[] = [];
    for (let i = 0; i < 400 && cards.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      cards = await bot.db.sql`select card_kind, channel from chat_cards where insight_id = ${insight.id}`;
    }
    expect(cards).toEqual([{ card_kind: 'story', channel: 'C0STORIES' }]);
  });

  it('sends curators the daily triage summary once a day', async () => {
    await buildInsight(bot.db.sql, { reporterId: reporter.id });
    const task = bot.integrations.tasks['chat-triage-summary']!;
    const helpers = { logger: { debug: () => {} } } as never;
    await task({}, helpers);
    await task({}, helpers);
    const dms = dmsTo('U0CURATOR');
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0]!.args.blocks)).toMatch(/new insights? waits? for triage/);
    expect(JSON.stringify(dms[0]!.args.blocks)).toContain(`"url":"${HUB}/curation"`);
  });

  it('skips people who are not on Slack without failing', async () => {
    const offSlack = await bot.person('U0GONE');
    bot.slack.users.delete('U0GONE');
    const task = bot.integrations.tasks['notify-chat']!;
    const insight = await buildInsight(bot.db.sql, {
      reporterId: reporter.id,
      visibility: { scope: 'people', personIds: [offSlack.id] },
    });
    await task({ type: 'insight.posted', insightId: insight.id }, {} as never);
    const [receipt] = await bot.db
      .sql`select result from chat_receipts where key = ${`notice:shared:${insight.id}:${offSlack.id}`}`;
    expect(receipt!.result).toEqual({ delivered: false });
  });
});
