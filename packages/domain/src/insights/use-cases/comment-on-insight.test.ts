import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { commentOnInsight, listInsightComments } from './comment-on-insight';
import { mergeInsights } from './merge-insights';

let w: World;
let open: Insight;
let teamOnly: Insight;
beforeEach(() => {
  w = createWorld();
  open = buildInsight({ reporterId: w.people.frontline.id });
  teamOnly = buildInsight({
    reporterId: w.people.frontline.id,
    visibility: { scope: 'team', teamId: w.teams.support.id },
  });
  w.seed({ insights: [open, teamOnly] });
});

describe('commentOnInsight', () => {
  it('stores the comment trimmed, audits it and tells the outbox so the reporter hears of it', async () => {
    const comment = await commentOnInsight(w.deps, {
      actor: w.people.outsider,
      insightId: open.id,
      body: '  We hear this from Globex too.  ',
    });
    expect(comment).toMatchObject({
      insightId: open.id,
      authorId: w.people.outsider.id,
      body: 'We hear this from Globex too.',
      createdAt: w.clock.now(),
    });
    expect(w.state.comments).toEqual([comment]);
    expect(w.state.audit).toEqual([
      expect.objectContaining({ action: 'insight.commented', subject: { type: 'insight', id: open.id } }),
    ]);
    expect(w.state.events).toEqual([
      {
        type: 'insight.commented',
        insightId: open.id,
        commentId: comment.id,
        authorId: w.people.outsider.id,
      },
    ]);
  });

  it('lets a team member comment on a team insight', async () => {
    await commentOnInsight(w.deps, { actor: w.people.colleague, insightId: teamOnly.id, body: 'Same here' });
    const comments = await listInsightComments(w.deps, { actor: w.people.frontline, insightId: teamOnly.id });
    expect(comments.map((c) => c.body)).toEqual(['Same here']);
  });

  it('refuses someone outside the audience as if the insight did not exist, storing nothing', async () => {
    await expectRefused(
      w.state,
      () => commentOnInsight(w.deps, { actor: w.people.outsider, insightId: teamOnly.id, body: 'Hi' }),
      { code: 'INSIGHT.NOT_FOUND', kind: 'not_found' },
    );
    await expect(
      listInsightComments(w.deps, { actor: w.people.outsider, insightId: teamOnly.id }),
    ).rejects.toMatchObject({ code: 'INSIGHT.NOT_FOUND' });
  });

  it('refuses an empty or overlong comment with a message for the field', async () => {
    await expectRefused(
      w.state,
      () => commentOnInsight(w.deps, { actor: w.people.outsider, insightId: open.id, body: '   ' }),
      {
        code: 'COMMENT.BODY.EMPTY',
        issues: [{ field: 'body', message: 'The comment is empty: write something.' }],
      },
    );
    await expectRefused(
      w.state,
      () =>
        commentOnInsight(w.deps, { actor: w.people.outsider, insightId: open.id, body: 'x'.repeat(5001) }),
      { code: 'COMMENT.BODY.TOO_LONG', issues: [{ field: 'body' }] },
    );
  });

  it('refuses a comment on a merged duplicate: it belongs on the insight kept', async () => {
    const survivor = buildInsight({ reporterId: w.people.colleague.id });
    w.seed({ insights: [survivor] });
    await mergeInsights(w.deps, { actor: w.people.curator, duplicateId: open.id, survivorId: survivor.id });
    await expectRefused(
      w.state,
      () => commentOnInsight(w.deps, { actor: w.people.outsider, insightId: open.id, body: 'Late' }),
      { code: 'INSIGHT.MERGED', kind: 'conflict' },
    );
  });

  it('lists comments oldest first', async () => {
    await commentOnInsight(w.deps, { actor: w.people.outsider, insightId: open.id, body: 'first' });
    w.clock.set('2026-01-15T10:00:00Z');
    await commentOnInsight(w.deps, { actor: w.people.curator, insightId: open.id, body: 'second' });
    const comments = await listInsightComments(w.deps, { actor: w.people.frontline, insightId: open.id });
    expect(comments.map((c) => c.body)).toEqual(['first', 'second']);
  });
});
