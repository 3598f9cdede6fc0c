import { digestLinks, renderEmailDigest, renderSlackDigest, renderTeamsDigest } from '@heard/bot';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIGEST } from './sample-digest';

const links = digestLinks('https://heard.example.com/', 'digest-1', 'sub-1.signature');
const zone = 'Europe/Berlin';
const insightUrl = (n: number) => links.insight(SAMPLE_DIGEST.insights[n]!.id);

type Block = {
  type: string;
  text?: { type: string; text: string };
  elements?: Array<Record<string, unknown>>;
  accessory?: Record<string, unknown>;
};

describe('the Slack digest (Block Kit)', () => {
  const message = renderSlackDigest(SAMPLE_DIGEST, links, zone);
  const blocks = message.blocks as Block[];
  const mrkdwn = blocks.map((b) => b.text?.text ?? '').join('\n');

  it('matches the approved rendering', () => {
    expect(message).toMatchSnapshot();
  });

  it('is valid Block Kit: a header, at most 50 blocks, known block types, text within limits', () => {
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) expect(['header', 'context', 'section', 'divider', 'actions']).toContain(b.type);
    for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(message.text).toContain('Halve billing complaints by Q3');
  });

  it('links every item to the hub, escaping what Slack would read as markup', () => {
    expect(mrkdwn).toContain(`<${insightUrl(0)}|Acme is charged twice &lt;every&gt; month &amp; ¦ angry>`);
    expect(mrkdwn).toContain(`<${insightUrl(1)}|Proration is a mystery>`);
    expect(mrkdwn).toContain(`<${links.goal(SAMPLE_DIGEST.goals[0]!.id)}|Halve billing complaints by Q3>`);
    expect(mrkdwn).not.toContain('<every>');
  });

  it('shows KPI numbers with a trend arrow, the story image, and open and unsubscribe buttons', () => {
    expect(mrkdwn).toContain(
      'Billing tickets per week: 101 tickets → *94 tickets* ↓ (improving) · target 60 tickets',
    );
    expect(blocks.find((b) => b.accessory)?.accessory).toMatchObject({
      type: 'image',
      image_url: 'https://heard.example.com/uploads/acme.jpg',
    });
    const buttons = blocks.at(-1)!.elements!;
    expect(buttons.map((e) => e.url)).toEqual([
      links.webVersion,
      'https://heard.example.com/unsubscribe/sub-1.signature',
    ]);
  });

  it('keeps within 50 blocks however much happened', () => {
    const busy = {
      ...SAMPLE_DIGEST,
      insights: Array.from({ length: 8 }, () => SAMPLE_DIGEST.insights[0]!),
      stories: Array.from({ length: 30 }, () => SAMPLE_DIGEST.stories[0]!),
    };
    const many = renderSlackDigest(busy, links, zone).blocks as Block[];
    expect(many).toHaveLength(50);
    expect(many.at(-1)!.type).toBe('actions');
  });
});

describe('the Teams digest (Adaptive Card)', () => {
  const card = renderTeamsDigest(SAMPLE_DIGEST, links, zone);
  const json = JSON.stringify(card);

  it('matches the approved rendering', () => {
    expect(card).toMatchSnapshot();
  });

  it('is an Adaptive Card 1.5 Teams can show, with only known elements', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const types = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const type = (node as { type?: unknown }).type;
        if (typeof type === 'string') types.add(type);
        Object.values(node).forEach(walk);
      }
    };
    walk(card.body);
    for (const t of types) {
      expect([
        'TextBlock',
        'Container',
        'ColumnSet',
        'Column',
        'Image',
        'FactSet',
        'Action.OpenUrl',
      ]).toContain(t);
    }
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Heard', url: links.webVersion },
      { type: 'Action.OpenUrl', title: 'Unsubscribe', url: links.unsubscribe },
    ]);
  });

  it('links every insight, story and goal to the hub, and shows the KPI trend', () => {
    expect(json).toContain(`](${insightUrl(0)})`);
    expect(json).toContain(`](${insightUrl(1)})`);
    expect(json).toContain('Billing tickets per week: 101 tickets → 94 tickets ↓ · target 60 tickets');
    expect(json).toContain('"url":"https://heard.example.com/uploads/acme.jpg"');
  });
});

describe('the email digest', () => {
  const email = renderEmailDigest(SAMPLE_DIGEST, links, zone);
  const hrefs = [...email.html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
  const textOf = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  it('matches the approved rendering', () => {
    expect(email).toMatchSnapshot();
  });

  it('has a subject naming the scope and the period in the reader’s zone', () => {
    expect(email.subject).toBe('Weekly digest · Goal: Halve billing complaints by Q3 (1 Jan – 8 Jan 2030)');
  });

  it('links every item to the hub, with the chart as an inline image and text escaped', () => {
    expect(hrefs).toEqual(
      expect.arrayContaining([insightUrl(0), insightUrl(1), links.goal(SAMPLE_DIGEST.goals[0]!.id)]),
    );
    expect(hrefs).toContain(links.unsubscribe);
    expect(hrefs).toContain(links.webVersion);
    expect(email.html).toMatch(
      /<img src="cid:kpi-[^"]+" alt="Billing tickets per week: 94 tickets ↓ \(target 60 tickets\)"/,
    );
    expect(textOf(email.html)).toContain('Acme is charged twice <every> month & | angry');
    expect(email.html).not.toContain('<every>');
  });

  it('has a plain-text part with the same items, links and unsubscribe link', () => {
    expect(email.text).toContain('Acme is charged twice <every> month & | angry');
    expect(email.text).toContain(insightUrl(1));
    expect(email.text).toContain('- Done: Stop double charges on plan changes (Hannah Weiss)');
    expect(email.text).toContain(`Unsubscribe: ${links.unsubscribe}`);
  });
});
