import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useWebHub } from '../support/web-hub';

const uploadsDir = await mkdtemp(join(tmpdir(), 'heard-uploads-'));
const hub = useWebHub({ app: { uploadsDir } });
let sam: string;
let chloe: string;

// A real 64×48 PNG, and a Windows program renamed to look like one.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfElEQVRoge2SAQkAQBCD1sv+FZbnY8jxAwPoWKCniW7AAqqvyC7Uu0Q3YAHVV2QX6l2iG7CA6iuyC/Uu0Q1YQPUV2YV6l+gGLKD6iuxCvUt0AxZQfUV2od4lugELqL4iu1DvEt2ABVRfkV2od4luwAKqr8gu1LtEN+DzgAfgcpDiHN+KLQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(200)]);

function upload(
  path: string,
  fields: Record<string, string>,
  files: { name: string; bytes: Buffer; type: string }[],
  cookie: string,
  field = 'attachments',
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(field, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return hub.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, cookie },
  });
}

const post = {
  body: 'Screenshot of the double charge',
  kind: 'pain',
  sentiment: 'negative',
  visibility: 'everyone',
};

afterAll(() => rm(uploadsDir, { recursive: true, force: true }));

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
});

describe('attachments', () => {
  it('posts an image with the insight, makes a thumbnail on the server and shows both on the insight page', async () => {
    const response = await upload(
      '/post',
      post,
      [{ name: 'charge.png', bytes: PNG, type: 'image/png' }],
      sam,
    );
    expect(response.status).toBe(302);
    const [row] = await hub.db.sql`select id, attachments from insights where body = ${post.body}`;
    const [meta] = row!.attachments as { id: string; contentType: string; fileName: string }[];
    expect(meta).toMatchObject({ contentType: 'image/png', fileName: 'charge.png' });
    expect((await readdir(uploadsDir)).sort()).toEqual([`${meta!.id}.png`, `${meta!.id}.thumb.webp`].sort());
    const page = await (await hub.get(`/insights/${row!.id}`, chloe)).text();
    expect(page).toContain(`src="/insights/${row!.id}/attachments/${meta!.id}?thumb"`);
    const full = await hub.get(`/insights/${row!.id}/attachments/${meta!.id}`, chloe);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/png');
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await full.arrayBuffer()).equals(PNG)).toBe(true);
    const part = await hub.app.request(`${ORIGIN}/insights/${row!.id}/attachments/${meta!.id}`, {
      headers: { cookie: chloe, range: 'bytes=0-7' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${PNG.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(PNG.subarray(0, 8))).toBe(true);
    const beyond = await hub.app.request(`${ORIGIN}/insights/${row!.id}/attachments/${meta!.id}`, {
      headers: { cookie: chloe, range: `bytes=${PNG.length + 10}-` },
    });
    expect(beyond.status).toBe(416);
    const thumb = await hub.get(`/insights/${row!.id}/attachments/${meta!.id}?thumb`, chloe);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await hub.get(`/insights/${row!.id}/attachments/${meta!.id}`)).status).toBe(302);
  });

  it('refuses a program renamed .png before storing anything, keeping what was typed', async () => {
    const before = await readdir(uploadsDir);
    const response = await upload(
      '/post',
      { ...post, body: 'Renamed program' },
      [{ name: 'invoice.png', bytes: EXE, type: 'image/png' }],
      sam,
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('“invoice.png” is not a file we accept');
    expect(html).toContain('>Renamed program</textarea>');
    expect(await readdir(uploadsDir)).toEqual(before);
    expect(await hub.db.sql`select 1 from insights where body = 'Renamed program'`).toHaveLength(0);
  });

  it('refuses a request declaring more than the upload limit without reading it', async () => {
    const response = await hub.app.request(`${ORIGIN}/post`, {
      method: 'POST',
      body: 'x',
      headers: {
        origin: ORIGIN,
        cookie: sam,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(700 * 1024 * 1024),
      },
    });
    expect(response.status).toBe(413);
  });

  it('adds files from the insight page for its reporter, and serves them only to its readers', async () => {
    const [person] = await hub.db.sql`select id, team_id from people where email = 'sam.carter@example.com'`;
    await upload('/post', { ...post, body: 'Team-only with a picture', visibility: 'team' }, [], sam);
    const [row] = await hub.db
      .sql`select id from insights where body = 'Team-only with a picture' and reporter_id = ${person!.id}`;
    const added = await upload(
      `/insights/${row!.id}`,
      { intent: 'attach' },
      [{ name: 'late.png', bytes: PNG, type: 'image/png' }],
      sam,
    );
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('1 file added.');
    const [after] = await hub.db.sql`select attachments from insights where id = ${row!.id}`;
    const meta = (after!.attachments as { id: string }[])[0]!;
    expect((await hub.get(`/insights/${row!.id}/attachments/${meta.id}`, sam)).status).toBe(200);
    expect((await hub.get(`/insights/${row!.id}/attachments/${meta.id}`, chloe)).status).toBe(404);
    const notReporter = await upload(
      `/insights/${row!.id}`,
      { intent: 'attach' },
      [{ name: 'x.png', bytes: PNG, type: 'image/png' }],
      chloe,
    );
    expect(notReporter.status).toBe(404);
  });

  it('takes an uploaded hero image on the story form, stored as one of the insight’s attachments', async () => {
    const lea = await hub.signIn('lea.moreau@example.com');
    const [open] = await hub.db
      .sql`select id from insights where visibility_scope = 'everyone' and attachments = '[]'
      and not exists (select 1 from stories s where s.insight_id = insights.id) limit 1`;
    const refused = await upload(
      `/insights/${open!.id}/story`,
      { headline: 'Hero test', summary: 'A summary', heroAlt: '' },
      [{ name: 'hero.png', bytes: EXE, type: 'image/png' }],
      lea,
      'heroFile',
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('“hero.png” is not a file we accept');
    const saved = await upload(
      `/insights/${open!.id}/story`,
      { headline: 'Hero test', summary: 'A summary', heroAlt: 'The team at the desk' },
      [{ name: 'hero.png', bytes: PNG, type: 'image/png' }],
      lea,
      'heroFile',
    );
    expect(saved.status).toBe(302);
    const [row] = await hub.db
      .sql`select s.hero_media, i.attachments from stories s join insights i on i.id = s.insight_id
      where s.insight_id = ${open!.id}`;
    const meta = (row!.attachments as { id: string }[])[0]!;
    expect(row!.hero_media).toEqual({
      kind: 'image',
      url: `/insights/${open!.id}/attachments/${meta.id}`,
      alt: 'The team at the desk',
    });
    expect((await hub.get(`/insights/${open!.id}/attachments/${meta.id}`, lea)).status).toBe(200);
  });
});
