import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let priya: string;
let sam: string;
let goalId: string;
let inMandate: { id: string; email: string; name: string };
let outsideMandate: { id: string };

const actionsNamed = async (title: string) =>
  hub.db.sql`select id, status, assignee_id from actions where title = ${title}`;

beforeAll(async () => {
  priya = await hub.signIn('priya.raman@example.com');
  sam = await hub.signIn('sam.carter@example.com');
  const [goal] = await hub.db
    .sql`select id, mandate_team_ids from goals where title = 'Halve billing complaints by Q3'`;
  goalId = goal!.id;
  inMandate = (
    await hub.db.sql`
    select p.id, p.email, p.name from people p join teams t on t.id = p.team_id
    where t.slug = 'support' and p.email = 'sam.carter@example.com'`
  )[0] as typeof inMandate;
  outsideMandate = (
    await hub.db.sql`
    select p.id from people p where p.team_id <> all(${goal!.mandate_team_ids}::uuid[]) limit 1`
  )[0] as typeof outsideMandate;
});

describe('goals, actions and evaluations on the web', () => {
  it('lists every goal with its owner and KPI', async () => {
    const html = await (await hub.get('/goals', sam)).text();
    for (const title of [
      'Halve billing complaints by Q3',
      'Raise mid-market NPS from 22 to 40',
      'Keep SMB monthly churn under 2%',
    ]) {
      expect(html).toContain(title);
    }
    expect(html).toContain('Owner: <!-- -->Priya Raman');
  });

  it('shows the owner the assign form offering only people in the mandate, and hides it from others', async () => {
    const ownerView = await (await hub.get(`/goals/${goalId}`, priya)).text();
    expect(ownerView).toContain('Assign an action');
    expect(ownerView).toContain(`value="${inMandate.id}"`);
    expect(ownerView).not.toContain(`<option value="${outsideMandate.id}"`);
    expect(await (await hub.get(`/goals/${goalId}`, sam)).text()).not.toContain('Assign an action');
  });

  it('lets the owner assign inside the mandate, and the assignee move it along', async () => {
    const response = await hub.post(
      `/goals/${goalId}`,
      { intent: 'assign', title: 'Explain proration on the invoice', assigneeId: inMandate.id },
      priya,
    );
    expect(response.status).toBe(200);
    const [action] = await actionsNamed('Explain proration on the invoice');
    expect(action).toMatchObject({ status: 'open', assignee_id: inMandate.id });
    expect(await (await hub.get('/actions', sam)).text()).toContain('Explain proration on the invoice');
    await hub.post('/actions', { intent: 'move', actionId: action!.id, status: 'in_progress' }, sam);
    await hub.post('/actions', { intent: 'move', actionId: action!.id, status: 'done' }, sam);
    expect((await actionsNamed('Explain proration on the invoice'))[0]!.status).toBe('done');
  });

  it('refuses an assignee outside the mandate, and anyone but the owner, with a clear message', async () => {
    const outside = await hub.post(
      `/goals/${goalId}`,
      { intent: 'assign', title: 'Outside job', assigneeId: outsideMandate.id },
      priya,
    );
    expect(outside.status).toBe(422);
    expect(await outside.text()).toContain('is not in a team the mandate of');
    const stranger = await hub.post(
      `/goals/${goalId}`,
      { intent: 'assign', title: 'Sneaky job', assigneeId: inMandate.id },
      sam,
    );
    expect(await stranger.text()).toContain('Only the owner of');
    expect(await actionsNamed('Outside job')).toHaveLength(0);
    expect(await actionsNamed('Sneaky job')).toHaveLength(0);
  });

  it('records an evaluation with a KPI value, which moves the chart; a bad value is refused', async () => {
    const bad = await hub.post(
      `/goals/${goalId}`,
      { intent: 'evaluate', subject: 'goal', result: 'better', kpiValue: 'lots', note: 'x' },
      priya,
    );
    expect(await bad.text()).toContain('The KPI value must be a number.');
    const before = await hub.db.sql`select count(*)::int as n from evaluations where goal_id = ${goalId}`;
    const ok = await hub.post(
      `/goals/${goalId}`,
      {
        intent: 'evaluate',
        subject: 'goal',
        result: 'better',
        kpiValue: '95',
        note: 'Complaints fell after the invoice redesign.',
      },
      priya,
    );
    expect(ok.status).toBe(200);
    const after = await hub.db.sql`select count(*)::int as n from evaluations where goal_id = ${goalId}`;
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const html = await (await hub.get(`/goals/${goalId}`, sam)).text();
    expect(html).toContain('Latest: 95');
    expect(html).toContain('Complaints fell after the invoice redesign.');
  });

  it('answers an unknown goal with a 404 page', async () => {
    const response = await hub.get('/goals/00000000-0000-4000-8000-000000000000', sam);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('No goal has that id.');
  });
});
