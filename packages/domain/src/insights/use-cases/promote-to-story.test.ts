import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { type PromoteToStoryInput, promoteToStory } from './promote-to-story';

let w: World;
let insight: Insight;
beforeEach(() => {
  w = createWorld();
  insight = buildInsight({ reporterId: w.people.frontline.id, kind: 'praise' });
  w.seed({ insights: [insight] });
});

const promote = (overrides: Partial<PromoteToStoryInput> = {}) =>
  promoteToStory(w.deps, {
    actor: w.people.curator,
    insightId: insight.id,
    headline: '  Acme closes the books in a day  ',
    summary: ' Since the export fix, Acme closes in one day instead of three. ',
    pullQuote: '  ',
    heroMedia: { kind: 'image', url: 'https://cdn.test/acme.png', alt: 'The Acme team' },
    publish: false,
    ...overrides,
  });

describe('promoteToStory', () => {
  it('saves a draft without publishing anything', async () => {
    const story = await promote();
    expect(story).toEqual({
      headline: 'Acme closes the books in a day',
      summary: 'Since the export fix, Acme closes in one day instead of three.',
      pullQuote: null,
      heroMedia: { kind: 'image', url: 'https://cdn.test/acme.png', alt: 'The Acme team' },
      status: 'draft',
      curatorId: w.people.curator.id,
      publishedAt: null,
    });
    expect(w.state.insights.get(insight.id)?.story).toEqual(story);
    expect(w.state.audit.map((a) => a.action)).toEqual(['story.drafted']);
    expect(w.state.events).toEqual([]);
  });

  it('publishes a story with its time and a story.published event', async () => {
    const story = await promote({ publish: true });
    expect(story).toMatchObject({ status: 'published', publishedAt: w.clock.now() });
    expect(w.state.audit.map((a) => a.action)).toEqual(['story.published']);
    expect(w.state.events).toEqual([{ type: 'story.published', insightId: insight.id }]);
  });

  it('keeps the first publishedAt when republished, and does not announce it twice', async () => {
    const first = await promote({ publish: true });
    w.clock.set('2026-02-01T12:00:00.000Z');
    const again = await promote({ publish: true, headline: 'A better headline' });
    expect(again).toMatchObject({ headline: 'A better headline', publishedAt: first.publishedAt });
    expect(w.state.insights.get(insight.id)?.story?.publishedAt).toEqual(first.publishedAt);
    expect(w.state.events.filter((e) => e.type === 'story.published')).toHaveLength(1);
  });

  it('publishes a draft, announcing it once', async () => {
    await promote();
    await promote({ publish: true });
    expect(w.state.events).toEqual([{ type: 'story.published', insightId: insight.id }]);
  });

  it('accepts an uploaded hero image by its path', async () => {
    const story = await promote({ heroMedia: { kind: 'video', url: '/uploads/a.mp4', alt: 'Demo' } });
    expect(story.heroMedia?.url).toBe('/uploads/a.mp4');
  });
});

describe('promoteToStory refuses', () => {
  it('someone who is not a curator, even the reporter', async () => {
    await expectRefused(w.state, () => promote({ actor: w.people.frontline }), {
      code: 'CURATION.NOT_CURATOR',
      kind: 'forbidden',
    });
  });

  it('publishing the story of a restricted insight', async () => {
    w.seed({ insights: [{ ...insight, visibility: { scope: 'people', personIds: [w.people.curator.id] } }] });
    await expectRefused(w.state, () => promote({ publish: true }), {
      code: 'STORY.RESTRICTED_INSIGHT',
      kind: 'validation',
    });
  });

  it('an insight the curator may not read, as if it did not exist', async () => {
    w.seed({ insights: [{ ...insight, visibility: { scope: 'team', teamId: w.teams.support.id } }] });
    await expectRefused(w.state, () => promote(), { code: 'INSIGHT.NOT_FOUND', kind: 'not_found' });
  });

  it('an empty headline', async () => {
    await expectRefused(w.state, () => promote({ headline: ' ' }), { code: 'STORY.HEADLINE.EMPTY' });
  });

  it('an empty summary', async () => {
    await expectRefused(w.state, () => promote({ summary: '' }), { code: 'STORY.SUMMARY.EMPTY' });
  });

  it('a pull quote longer than 500 characters', async () => {
    await expectRefused(w.state, () => promote({ pullQuote: 'q'.repeat(501) }), {
      code: 'STORY.PULL_QUOTE.TOO_LONG',
    });
  });

  it('a hero image without an http(s) address or upload path', async () => {
    await expectRefused(
      w.state,
      () => promote({ heroMedia: { kind: 'image', url: 'javascript:alert(1)', alt: '' } }),
      { code: 'STORY.HERO_URL' },
    );
  });
});
