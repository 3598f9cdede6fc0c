import { beforeEach, describe, it } from 'vitest';
import { buildGoal, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { MAX_BODY_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH } from '../insight';
import { type PostInsightInput, postInsight } from './post-insight';

let w: World;
beforeEach(() => {
  w = createWorld();
});

/** Posting must be refused with that code on that field, storing, auditing and publishing nothing. */
const refuses = (overrides: Partial<PostInsightInput>, code: string, field: string) =>
  expectRefused(
    w.state,
    () =>
      postInsight(w.deps, {
        actor: w.people.frontline,
        body: 'Acme wants SSO before they renew.',
        kind: 'request',
        sentiment: 'neutral',
        source: { kind: 'web' },
        ...overrides,
      }),
    { code, kind: 'validation', issues: [{ code, field }] },
  );

describe('postInsight refuses', () => {
  it('an empty text', async () => {
    await refuses({ body: '' }, 'INSIGHT.BODY.EMPTY', 'body');
  });

  it('a text of only whitespace', async () => {
    await refuses({ body: ' \n\t ' }, 'INSIGHT.BODY.EMPTY', 'body');
  });

  it('a text of 20,001 characters', async () => {
    await refuses({ body: 'a'.repeat(MAX_BODY_LENGTH + 1) }, 'INSIGHT.BODY.TOO_LONG', 'body');
  });

  it('a title longer than the limit', async () => {
    await refuses({ title: 't'.repeat(MAX_TITLE_LENGTH + 1) }, 'INSIGHT.TITLE.TOO_LONG', 'title');
  });

  it('more tags than the limit', async () => {
    const tags = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag-${i}`);
    await refuses({ tags }, 'INSIGHT.TOO_MANY_TAGS', 'tags');
  });

  it('a goal that does not exist', async () => {
    await refuses({ goalIds: [w.goal.id, 'no-such-goal'] }, 'INSIGHT.UNKNOWN_GOAL', 'goalIds');
  });

  it('a goal that is no longer active', async () => {
    const achieved = buildGoal({ status: 'achieved', ownerId: w.people.owner.id });
    w.seed({ goals: [achieved] });
    await refuses({ goalIds: [achieved.id] }, 'GOAL.NOT_ACTIVE', 'goalIds');
  });

  it('a customer that does not exist', async () => {
    await refuses(
      { customerIds: [w.acme.id, 'no-such-customer'] },
      'INSIGHT.UNKNOWN_CUSTOMER',
      'customerIds',
    );
  });

  it('a visibility naming nobody', async () => {
    await refuses({ visibility: { scope: 'people', personIds: [] } }, 'VISIBILITY.NOBODY', 'visibility');
  });

  it('a visibility naming someone who does not exist', async () => {
    await refuses(
      { visibility: { scope: 'people', personIds: [w.people.colleague.id, 'nobody'] } },
      'VISIBILITY.UNKNOWN_PERSON',
      'visibility',
    );
  });

  it('a visibility for a team that does not exist', async () => {
    await refuses(
      { visibility: { scope: 'team', teamId: 'no-such-team' } },
      'VISIBILITY.UNKNOWN_TEAM',
      'visibility',
    );
  });

  it('every problem at once, so a form can show them together', async () => {
    await expectRefused(
      w.state,
      () =>
        postInsight(w.deps, {
          actor: w.people.frontline,
          body: '',
          kind: 'pain',
          sentiment: 'negative',
          source: { kind: 'web' },
          customerIds: ['no-such-customer'],
          visibility: { scope: 'team', teamId: 'no-such-team' },
        }),
      {
        code: 'INSIGHT.BODY.EMPTY',
        kind: 'validation',
        issues: [
          { code: 'INSIGHT.BODY.EMPTY' },
          { code: 'INSIGHT.UNKNOWN_CUSTOMER' },
          { code: 'VISIBILITY.UNKNOWN_TEAM' },
        ],
      },
    );
  });
});
