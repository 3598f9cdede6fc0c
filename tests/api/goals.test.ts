import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createApiToken } from '../support/api';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let chloe: ReturnType<typeof apiClient>;
let goalId: string;

beforeAll(async () => {
  chloe = apiClient(hub, await createApiToken(hub, 'chloe.dubois@example.com'));
  const [goal] = await hub.db.sql`select id from goals where title = 'Halve billing complaints by Q3'`;
  goalId = goal!.id as string;
});

describe('goals and actions through the API', () => {
  it('lists every goal with its owner, KPI and mandate, and filters by status', async () => {
    const answer = await chloe.get('/goals');
    expect(answer.status).toBe(200);
    const [goals] = await hub.db.sql`select count(*)::int as n from goals`;
    expect(answer.body.items).toHaveLength(goals!.n as number);
    const billing = answer.body.items.find((g: { id: string }) => g.id === goalId);
    expect(billing).toMatchObject({
      title: 'Halve billing complaints by Q3',
      status: 'active',
      owner: { name: 'Priya Raman' },
      kpi: { name: expect.any(String), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      mandate: { teamIds: expect.any(Array) },
    });
    expect((await chloe.get(`/goals/${goalId}`)).body).toEqual(billing);
    const active = await chloe.get('/goals?status=active');
    expect(active.body.items.every((g: { status: string }) => g.status === 'active')).toBe(true);
    expect((await chloe.get('/goals?status=finished')).status).toBe(400);
  });

  it('lists a goal’s actions with their assignees, citing only insights the reader may see', async () => {
    const [owner] = await hub.db.sql`select owner_id from goals where id = ${goalId}`;
    const [assignee] = await hub.db.sql`
      select p.id, p.name from people p join teams t on t.id = p.team_id where t.slug = 'support' limit 1`;
    const [hidden] = await hub.db.sql`
      insert into insights (title, body, kind, sentiment, source_kind, reporter_id, visibility_scope, visibility_person_ids)
      values ('Private', 'Only the owner knows', 'pain', 'negative', 'web', ${owner!.owner_id}, 'people', array[${owner!.owner_id}]::uuid[])
      returning id`;
    const [open] = await hub.db.sql`select id from insights where visibility_scope = 'everyone' limit 1`;
    await hub.db.sql`
      insert into actions (goal_id, title, assignee_id, assigned_by, status, cited_insight_ids)
      values (${goalId}, 'Rewrite the dunning email', ${assignee!.id}, ${owner!.owner_id}, 'in_progress',
              array[${hidden!.id}, ${open!.id}]::uuid[])`;
    const answer = await chloe.get(`/goals/${goalId}/actions`);
    expect(answer.status).toBe(200);
    const action = answer.body.items.find((a: { title: string }) => a.title === 'Rewrite the dunning email');
    expect(action).toMatchObject({
      goalId,
      status: 'in_progress',
      assignee: { id: assignee!.id, name: assignee!.name },
      citedInsightIds: [open!.id],
    });
  });

  it('answers an unknown goal with 404 and the error object', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      for (const path of [`/goals/${id}`, `/goals/${id}/actions`]) {
        const answer = await chloe.get(path);
        expect(answer.status).toBe(404);
        expect(answer.body.error).toEqual({ code: 'GOAL.NOT_FOUND', message: 'No goal has that id.' });
      }
    }
  });
});
