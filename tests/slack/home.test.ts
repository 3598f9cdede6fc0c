import { createDeps } from '@heard/db';
import { buildGoal, buildInsight, buildTeam } from '@heard/db/testing';
import { assignAction, linkInsightToGoal, type Person, recordEvaluation } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { triggerId, useSlackBot } from './support/slack-bot';

const bot = useSlackBot();
let ana: Person;
let actionId: string;

beforeAll(async () => {
  const deps = createDeps(bot.db.sql);
  const team = await buildTeam(bot.db.sql, { name: 'Support' });
  ana = await bot.person('U0ANA', { teamId: team.id });
  const owner = await bot.person('U0OWNER', { roles: ['owner'] });
  const goal = await buildGoal(bot.db.sql, {
    title: 'Fewer billing tickets',
    ownerId: owner.id,
    mandate: { statement: 'Billing', teamIds: [team.id] },
  });
  const shared = await buildInsight(bot.db.sql, { reporterId: ana.id, title: 'Invoices confuse Osprey' });
  await linkInsightToGoal(deps, { actor: owner, insightId: shared.id, goalId: goal.id });
  const fixed = await assignAction(deps, {
    actor: owner,
    goalId: goal.id,
    assigneeId: ana.id,
    title: 'Clearer invoice layout',
    citedInsightIds: [shared.id],
  });
  await recordEvaluation(deps, {
    actor: owner,
    subject: { kind: 'action', actionId: fixed.id },
    result: 'better',
    note: 'ok',
  });
  actionId = (
    await assignAction(deps, { actor: owner, goalId: goal.id, assigneeId: ana.id, title: 'Call Osprey back' })
  ).id;
  await bot.db.sql`insert into subscriptions (person_id, scope, cadence, local_time, time_zone, channel)
                   values (${ana.id}, ${{ kind: 'stories' } as never}::jsonb, ${{ kind: 'daily' } as never}::jsonb, '09:00', 'Europe/Lisbon', 'slack')`;
});

describe('App Home', () => {
  it('shows what became of what the person shared, their open actions and their digests', async () => {
    const response = await bot.event({
      type: 'app_home_opened',
      user: 'U0ANA',
      channel: 'D0ANA',
      tab: 'home',
    });
    expect(response.status).toBe(200);
    const [publish] = await bot.slack.waitFor('views.publish');
    expect(publish!.args.user_id).toBe('U0ANA');
    const view = publish!.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = textOf(view.blocks);
    expect(text).toContain('Invoices confuse Osprey');
    expect(text).toContain('goal: Fewer billing tickets');
    expect(text).toContain('action "Clearer invoice layout" open (better for customers)');
    expect(text).toContain('*Call Osprey back* · open');
    expect(text).toContain('*All published stories*\nDaily at 09:00 (Europe/Lisbon), by Slack');
    expect(JSON.stringify(view.blocks)).toContain(`"value":"${actionId}:in_progress"`);
  });

  it('moves an action along from its button and redraws the home', async () => {
    bot.slack.reset();
    const response = await bot.interact({
      type: 'block_actions',
      user: { id: 'U0ANA' },
      trigger_id: triggerId(),
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home' },
      actions: [
        {
          type: 'button',
          action_id: 'action_status:in_progress',
          block_id: `action:${actionId}`,
          value: `${actionId}:in_progress`,
          action_ts: '1',
        },
      ],
    });
    expect(response.status).toBe(200);
    const [publish] = await bot.slack.waitFor('views.publish');
    expect(textOf((publish!.args.view as { blocks: unknown[] }).blocks)).toContain(
      '*Call Osprey back* · in progress',
    );
    const [row] = await bot.db.sql`select status from actions where id = ${actionId}`;
    expect(row!.status).toBe('in_progress');
  });

  it('says why when the move is not allowed', async () => {
    bot.slack.reset();
    await bot.person('U0BEN');
    await bot.interact({
      type: 'block_actions',
      user: { id: 'U0BEN' },
      trigger_id: triggerId(),
      container: { type: 'view', view_id: 'VHOME2' },
      view: { id: 'VHOME2', type: 'home' },
      actions: [
        {
          type: 'button',
          action_id: 'action_status:done',
          block_id: `action:${actionId}`,
          value: `${actionId}:done`,
          action_ts: '1',
        },
      ],
    });
    const [publish] = await bot.slack.waitFor('views.publish');
    expect(textOf((publish!.args.view as { blocks: unknown[] }).blocks)).toContain(
      'Only the assignee or the goal owner may move this action.',
    );
    const [row] = await bot.db.sql`select status from actions where id = ${actionId}`;
    expect(row!.status).toBe('in_progress');
  });
});
