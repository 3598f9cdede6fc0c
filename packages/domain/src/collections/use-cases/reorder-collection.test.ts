import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { randomId } from '../../testing/ids';
import type { Collection } from '../collection';
import { moveInOrder, reorderCollection } from './reorder-collection';

let w: World;
let collection: Collection;
beforeEach(() => {
  w = createWorld();
  w.seed({
    insights: ['a', 'b', 'c', 'hidden'].map((id) =>
      buildInsight({
        id,
        reporterId: w.people.frontline.id,
        visibility:
          id === 'hidden' ? { scope: 'people', personIds: [w.people.owner.id] } : { scope: 'everyone' },
      }),
    ),
  });
  collection = {
    id: randomId(),
    title: 'Q3 customer wins',
    description: '',
    insightIds: ['a', 'b', 'c'],
    curatorId: w.people.curator.id,
    publishedAt: null,
    createdAt: w.clock.now(),
  };
  w.seed({ collections: [collection] });
});

describe('reorderCollection', () => {
  it('stores the curator’s order and audits it', async () => {
    const result = await reorderCollection(w.deps, {
      actor: w.people.curator,
      collectionId: collection.id,
      insightIds: ['c', 'a', 'b'],
    });
    expect(result.insightIds).toEqual(['c', 'a', 'b']);
    expect(w.state.collections.get(collection.id)?.insightIds).toEqual(['c', 'a', 'b']);
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'collection.reordered',
        subject: { type: 'collection', id: collection.id },
      }),
    ]);
  });

  it('keeps a story the curator may not read in its place', async () => {
    w.state.collections.get(collection.id)!.insightIds = ['a', 'hidden', 'b', 'c'];
    const result = await reorderCollection(w.deps, {
      actor: w.people.curator,
      collectionId: collection.id,
      insightIds: ['c', 'b', 'a'],
    });
    expect(result.insightIds).toEqual(['c', 'hidden', 'b', 'a']);
    await expectRefused(
      w.state,
      () =>
        reorderCollection(w.deps, {
          actor: w.people.curator,
          collectionId: collection.id,
          insightIds: ['hidden', 'c', 'b', 'a'],
        }),
      { code: 'COLLECTION.ORDER_MISMATCH' },
    );
  });

  it('refuses an order that leaves out, repeats or adds a story', async () => {
    for (const insightIds of [
      ['a', 'b'],
      ['a', 'a', 'b'],
      ['a', 'b', 'c', 'd'],
    ]) {
      await expectRefused(
        w.state,
        () => reorderCollection(w.deps, { actor: w.people.curator, collectionId: collection.id, insightIds }),
        { code: 'COLLECTION.ORDER_MISMATCH', issues: [{ field: 'insightIds' }] },
      );
    }
  });

  it('refuses someone who is not a curator, and an unknown collection', async () => {
    await expectRefused(
      w.state,
      () =>
        reorderCollection(w.deps, {
          actor: w.people.frontline,
          collectionId: collection.id,
          insightIds: ['c', 'b', 'a'],
        }),
      { code: 'CURATION.NOT_CURATOR', kind: 'forbidden' },
    );
    await expectRefused(
      w.state,
      () => reorderCollection(w.deps, { actor: w.people.curator, collectionId: 'nope', insightIds: [] }),
      { code: 'COLLECTION.NOT_FOUND', kind: 'not_found' },
    );
  });
});

describe('moveInOrder', () => {
  it('swaps a story with its neighbour, and leaves the ends alone', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
});
