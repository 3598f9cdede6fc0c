import { buildInsight } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let lea: string;
let sam: string;
let leaTeamId: string;

/** Text as React writes it into the page. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

const publishedStories = () =>
  hub.db.sql`select s.insight_id, s.headline, s.pull_quote from stories s
             where s.status = 'published' order by s.published_at desc, s.insight_id desc`;

const storyOf = async (insightId: string) =>
  (await hub.db.sql`select status, headline, hero_media from stories where insight_id = ${insightId}`)[0];

beforeAll(async () => {
  lea = await hub.signIn('lea.moreau@example.com');
  sam = await hub.signIn('sam.carter@example.com');
  const [person] = await hub.db.sql`select team_id from people where email = 'lea.moreau@example.com'`;
  leaTeamId = person!.team_id;
});

describe('the stories page', () => {
  it('shows everyone the published stories, newest first, with their quotes, customers and goals', async () => {
    const response = await hub.get('/stories', sam);
    expect(response.status).toBe(200);
    const page = await response.text();
    const stories = await publishedStories();
    expect(stories).toHaveLength(3);
    const positions = stories.map((s) => page.indexOf(`id="story-${s.insight_id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const s of stories) {
      expect(page).toContain(html(s.headline));
      if (s.pull_quote) expect(page).toContain(html(s.pull_quote));
      expect(page).toContain(`href="/insights/${s.insight_id}"`);
    }
    const [customer] = await hub.db
      .sql`select customer_id from insight_customers where insight_id = ${stories[0]!.insight_id}`;
    expect(page).toContain(`href="/customers/${customer!.customer_id}"`);
  });

  it('shows the collection as a section with its stories in the curator’s order', async () => {
    const page = await (await hub.get('/stories', sam)).text();
    const items = await hub.db.sql`
      select s.headline from collection_items ci join collections c on c.id = ci.collection_id
      join stories s on s.insight_id = ci.insight_id
      where c.title = 'Customer wins this quarter' order by ci.position`;
    const start = page.indexOf('Customer wins this quarter');
    expect(start).toBeGreaterThan(0);
    const section = page.slice(start, page.indexOf('</section>', start));
    const positions = items.map((i) => section.indexOf(html(i.headline)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('never shows a draft', async () => {
    const [draft] = await hub.db.sql`select insight_id from stories where status = 'draft'`;
    expect(await (await hub.get('/stories', lea)).text()).not.toContain(`story-${draft!.insight_id}`);
  });
});

describe('the story form', () => {
  let insightId: string;
  beforeAll(async () => {
    const [insight] = await hub.db.sql`
      select i.id from insights i where i.visibility_scope = 'everyone'
        and not exists (select 1 from stories s where s.insight_id = i.id)
      order by i.created_at desc limit 1`;
    insightId = insight!.id;
  });

  it('answers 403 to someone who is not a curator, for the form and for a post', async () => {
    const page = await hub.get(`/insights/${insightId}/story`, sam);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Only curators can write stories.');
    const post = await hub.post(
      `/insights/${insightId}/story`,
      { headline: 'Sneaky', summary: 'Sneaky', publish: 'on' },
      sam,
    );
    expect(post.status).toBe(403);
    expect(await storyOf(insightId)).toBeUndefined();
  });

  it('opens for a curator, starting from the insight', async () => {
    const response = await hub.get(`/insights/${insightId}/story`, lea);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Tell this as a customer story');
    const [insight] = await hub.db.sql`select title from insights where id = ${insightId}`;
    expect(page).toContain(`value="${html(insight!.title)}"`);
  });

  it('shows each problem next to its field and keeps what was typed', async () => {
    const response = await hub.post(
      `/insights/${insightId}/story`,
      {
        headline: '   ',
        summary: '',
        pullQuote: 'We said "finally" out loud',
        heroUrl: 'ftp://files.example.com/harbor.png',
        heroAlt: 'The Harbor Dental front desk',
        publish: 'on',
      },
      lea,
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toMatch(/id="headline-error" role="alert">The headline is empty: write something\./);
    expect(page).toMatch(/id="summary-error" role="alert">The summary is empty: write something\./);
    expect(page).toMatch(
      /id="heroUrl-error" role="alert">The hero image or video needs an http\(s\) address/,
    );
    expect(page).toContain(html('We said "finally" out loud'));
    expect(page).toContain('value="ftp://files.example.com/harbor.png"');
    expect(page).toContain('value="The Harbor Dental front desk"');
    expect(page).toMatch(/name="publish"[^>]*checked/);
    expect(await storyOf(insightId)).toBeUndefined();
  });

  it('refuses to publish the story of a restricted insight, with the domain’s reason, but saves it as a draft', async () => {
    const restricted = await buildInsight(hub.db.sql, {
      title: 'Marketing-only: Harbor Dental wants to be a case study',
      visibility: { scope: 'team', teamId: leaTeamId },
    });
    const form = { headline: 'Harbor Dental, in their words', summary: 'They love the new invoices.' };
    const refused = await hub.post(`/insights/${restricted.id}/story`, { ...form, publish: 'on' }, lea);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(
      /id="publish-error" role="alert">This insight is restricted; make it visible to everyone before publishing its story\./,
    );
    expect(await storyOf(restricted.id)).toBeUndefined();
    const draft = await hub.post(`/insights/${restricted.id}/story`, form, lea);
    expect(draft.status).toBe(302);
    expect(draft.headers.get('location')).toBe(`/insights/${restricted.id}/story?saved=draft`);
    expect(await storyOf(restricted.id)).toMatchObject({ status: 'draft' });
    expect(await (await hub.get(`/insights/${restricted.id}/story?saved=draft`, lea)).text()).toContain(
      'Draft saved.',
    );
  });

  it('publishes a story, which then leads the stories page with its picture and quote', async () => {
    const response = await hub.post(
      `/insights/${insightId}/story`,
      {
        headline: 'The invoice finance finally approves',
        summary: 'Seats per department on the invoice ended a monthly back-and-forth.',
        pullQuote: 'Our controller signed it the same day.',
        heroUrl: 'https://images.example.com/finance-team.jpg',
        heroAlt: 'The finance team around a laptop',
        publish: 'on',
      },
      lea,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/stories?published=${insightId}#story-${insightId}`);
    expect(await storyOf(insightId)).toMatchObject({
      status: 'published',
      hero_media: { kind: 'image', url: 'https://images.example.com/finance-team.jpg' },
    });
    const page = await (await hub.get('/stories', sam)).text();
    expect(page).toContain(`id="story-${insightId}" class="story-feature"`);
    expect(page).toContain('The invoice finance finally approves');
    expect(page).toContain(
      'src="https://images.example.com/finance-team.jpg" alt="The finance team around a laptop"',
    );
    expect(page).toContain('Our controller signed it the same day.');
    expect(await (await hub.get(`/stories?published=${insightId}`, lea)).text()).toContain('Published.');
  });
});
