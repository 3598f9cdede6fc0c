import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { sniffMediaType } from '../attachment-rules';
import type { Insight } from '../insight';
import { attachToInsight, checkAttachments } from './attach-to-insight';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]);
const MP4 = Uint8Array.from([0, 0, 0, 0x18, ...[...'ftypisom'].map((c) => c.charCodeAt(0))]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const MB = 1024 * 1024;

let w: World;
let insight: Insight;
beforeEach(() => {
  w = createWorld();
  insight = buildInsight({ reporterId: w.people.frontline.id });
  w.seed({ insights: [insight] });
});

describe('sniffMediaType', () => {
  it('reads the real type from the first bytes, whatever the name says', () => {
    expect(sniffMediaType(PNG)).toMatchObject({ kind: 'image', contentType: 'image/png' });
    expect(sniffMediaType(JPEG)).toMatchObject({ kind: 'image', contentType: 'image/jpeg' });
    expect(sniffMediaType(MP4)).toMatchObject({ kind: 'video', contentType: 'video/mp4' });
    expect(sniffMediaType(EXE)).toBeNull();
    expect(sniffMediaType(Uint8Array.from('<svg onload=alert(1)>', (c) => c.charCodeAt(0)))).toBeNull();
  });
});

describe('checkAttachments', () => {
  it('accepts images and videos within their limits for the reporter', async () => {
    const types = await checkAttachments(w.deps, {
      actor: w.people.frontline,
      insightId: insight.id,
      files: [
        { fileName: 'screen.png', sizeBytes: 2 * MB, head: PNG },
        { fileName: 'call.mp4', sizeBytes: 80 * MB, head: MP4 },
      ],
    });
    expect(types.map((t) => t.contentType)).toEqual(['image/png', 'video/mp4']);
  });

  it('refuses a renamed program and an image over 10 MB, naming each file', async () => {
    await expect(
      checkAttachments(w.deps, {
        actor: w.people.frontline,
        insightId: insight.id,
        files: [
          { fileName: 'photo.png', sizeBytes: 1000, head: EXE },
          { fileName: 'huge.jpg', sizeBytes: 12 * MB, head: JPEG },
        ],
      }),
    ).rejects.toMatchObject({
      issues: [
        {
          field: 'attachments',
          code: 'ATTACHMENT.TYPE',
          message: expect.stringContaining('“photo.png” is not a file we accept'),
        },
        {
          field: 'attachments',
          code: 'ATTACHMENT.TOO_LARGE',
          message: '“huge.jpg” is 12 MB; images may be up to 10 MB.',
        },
      ],
    });
  });

  it('refuses more than six files on one insight', async () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ fileName: `${i}.png`, sizeBytes: 10, head: PNG }));
    await expect(
      checkAttachments(w.deps, { actor: w.people.frontline, insightId: insight.id, files }),
    ).rejects.toMatchObject({ code: 'ATTACHMENT.TOO_MANY' });
  });

  it('lets only the reporter, curators and admins add files', async () => {
    const files = [{ fileName: 'a.png', sizeBytes: 10, head: PNG }];
    await expect(
      checkAttachments(w.deps, { actor: w.people.outsider, insightId: insight.id, files }),
    ).rejects.toMatchObject({ code: 'ATTACHMENT.NOT_EDITABLE', kind: 'forbidden' });
    await checkAttachments(w.deps, { actor: w.people.curator, insightId: insight.id, files });
  });
});

describe('attachToInsight', () => {
  it('adds the files to the insight, audits it and updates search', async () => {
    const attachment = {
      id: 'a1',
      fileName: 'screen.png',
      contentType: 'image/png',
      sizeBytes: 10,
      url: null,
    };
    await attachToInsight(w.deps, {
      actor: w.people.frontline,
      insightId: insight.id,
      attachments: [attachment],
    });
    expect(w.state.insights.get(insight.id)?.attachments).toEqual([attachment]);
    expect(w.state.audit.map((a) => a.action)).toEqual(['insight.attached']);
    expect(w.state.events).toEqual([{ type: 'insight.edited', insightId: insight.id }]);
    await expectRefused(
      w.state,
      () =>
        attachToInsight(w.deps, {
          actor: w.people.outsider,
          insightId: insight.id,
          attachments: [attachment],
        }),
      { code: 'ATTACHMENT.NOT_EDITABLE' },
    );
  });
});
