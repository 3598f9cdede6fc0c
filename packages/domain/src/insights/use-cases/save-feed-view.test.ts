import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { deleteFeedView, listFeedViews, saveFeedView } from './save-feed-view';

let w: World;
beforeEach(() => {
  w = createWorld();
});

describe('saved feed views', () => {
  it('keeps a named view of the feed per person, listed by name', async () => {
    await saveFeedView(w.deps, {
      actor: w.people.owner,
      name: ' SMB pains ',
      query: '?kind=pain&segment=smb',
    });
    await saveFeedView(w.deps, { actor: w.people.owner, name: 'Billing', query: 'goal=x' });
    await saveFeedView(w.deps, { actor: w.people.frontline, name: 'Mine', query: 'sort=evidence' });
    const views = await listFeedViews(w.deps, { actor: w.people.owner });
    expect(views.map((v) => [v.name, v.query])).toEqual([
      ['Billing', 'goal=x'],
      ['SMB pains', 'kind=pain&segment=smb'],
    ]);
  });

  it('refuses an empty name or one the person already uses, whatever its case', async () => {
    await saveFeedView(w.deps, { actor: w.people.owner, name: 'SMB pains', query: 'kind=pain' });
    await expectRefused(
      w.state,
      () => saveFeedView(w.deps, { actor: w.people.owner, name: '  ', query: '' }),
      {
        code: 'SAVED_VIEW.NAME.EMPTY',
        issues: [{ field: 'name' }],
      },
    );
    await expectRefused(
      w.state,
      () => saveFeedView(w.deps, { actor: w.people.owner, name: 'smb PAINS', query: '' }),
      {
        code: 'SAVED_VIEW.NAME.TAKEN',
        issues: [{ field: 'name', message: expect.stringContaining('smb PAINS') }],
      },
    );
    // Another person may use the same name.
    await saveFeedView(w.deps, { actor: w.people.frontline, name: 'SMB pains', query: '' });
  });

  it('deletes only the person’s own view', async () => {
    const view = await saveFeedView(w.deps, { actor: w.people.owner, name: 'Mine', query: '' });
    await expectRefused(
      w.state,
      () => deleteFeedView(w.deps, { actor: w.people.frontline, viewId: view.id }),
      {
        code: 'SAVED_VIEW.NOT_FOUND',
        kind: 'not_found',
      },
    );
    await deleteFeedView(w.deps, { actor: w.people.owner, viewId: view.id });
    expect(await listFeedViews(w.deps, { actor: w.people.owner })).toEqual([]);
  });
});
