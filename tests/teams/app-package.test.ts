import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildTeamsPackage, renderManifest } from '@heard/bot';
import { describe, expect, it } from 'vitest';
import type { Json } from './support/teams-bot';

const APP_ID = '00000000-0000-4000-8000-00000000a991';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('Teams app package', () => {
  it('fills the manifest with the app id and the hub address', async () => {
    const manifest = (await renderManifest({
      appId: APP_ID,
      hubUrl: 'https://heard.example.com/',
      organisation: 'Acme "Co"',
    })) as Record<string, Json>;
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.composeExtensions[0].botId).toBe(APP_ID);
    expect(manifest.developer).toMatchObject({ name: 'Acme "Co"', websiteUrl: 'https://heard.example.com' });
    expect(manifest.validDomains).toEqual(['heard.example.com']);
    // The commands the bot answers: the message action and both searches.
    const commands = manifest.composeExtensions[0].commands.map(
      (c: { id: string; type: string }) => `${c.type}:${c.id}`,
    );
    expect(commands).toEqual(['action:shareWithHeard', 'query:searchInsights', 'query:searchStories']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'post',
      'search',
      'my actions',
      'help',
    ]);
  });

  it('says what to fix for a bad app id or a hub address Teams would refuse', async () => {
    await expect(renderManifest({ appId: 'heard-bot', hubUrl: 'https://heard.example.com' })).rejects.toThrow(
      /GUID/,
    );
    await expect(renderManifest({ appId: APP_ID, hubUrl: 'http://heard.example.com' })).rejects.toThrow(
      /https/,
    );
    await expect(renderManifest({ appId: APP_ID, hubUrl: 'heard' })).rejects.toThrow(/PUBLIC_URL/);
  });

  it('zips the manifest and both icons at the root, icons at the sizes Teams asks for', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'heard-teams-'));
    const built = await buildTeamsPackage({
      appId: APP_ID,
      hubUrl: 'https://heard.example.com',
      out: path.join(dir, 'app.zip'),
    });
    const zip = await readFile(built.path);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    for (const name of ['manifest.json', 'color.png', 'outline.png'])
      expect(zip.includes(Buffer.from(name))).toBe(true);
    expect(zip.includes(Buffer.from('app-package/'))).toBe(false);
    const iconDir = new URL('../../apps/bot/teams/app-package/', import.meta.url);
    expect(pngSize(await readFile(new URL('color.png', iconDir)))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await readFile(new URL('outline.png', iconDir)))).toEqual({ width: 32, height: 32 });
  });
});
