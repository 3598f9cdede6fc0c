import { describe, expect, it } from 'vitest';
import { createWorld } from '../testing';
import { buildInsight } from '../testing/builders';
import { recordRestrictedRead } from './record-read';

describe('recording reads of restricted insights', () => {
  it('records a reader outside the reporter for team and named-people insights, never for open ones', async () => {
    const w = createWorld();
    const reader = w.people.frontline;
    const at = w.clock.now();
    const restricted = buildInsight({
      reporterId: 'someone-else',
      visibility: { scope: 'people', personIds: [reader.id] },
    });
    const open = buildInsight({ reporterId: 'someone-else' });
    const own = buildInsight({
      reporterId: reader.id,
      visibility: { scope: 'people', personIds: [reader.id] },
    });
    expect(await recordRestrictedRead(w.deps.audit, reader, restricted, at, 'api')).toBe(true);
    expect(await recordRestrictedRead(w.deps.audit, reader, open, at, 'api')).toBe(false);
    expect(await recordRestrictedRead(w.deps.audit, reader, own, at, 'web')).toBe(false);
    expect(w.state.audit).toHaveLength(1);
    expect(w.state.audit).toMatchObject([
      {
        actorId: reader.id,
        action: 'insight.read',
        subject: { type: 'insight', id: restricted.id },
        details: { visibility: 'people', via: 'api' },
        at,
      },
    ]);
  });
});
