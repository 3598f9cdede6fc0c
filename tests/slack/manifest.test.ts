import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../apps/bot/slack/manifest.yml', import.meta.url), 'utf8');
const listeners = ['share', 'command', 'reactions', 'capture', 'home']
  .map((name) =>
    readFileSync(new URL(`../../apps/bot/src/slack/listeners/${name}.ts`, import.meta.url), 'utf8'),
  )
  .join('\n');

/** The items of a YAML list under `key:` (the manifest is plain, indentation-only YAML). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = lines[start]!.search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (line.search(/\S/) <= indent) break;
    const item = /^\s*-\s+(\S+)\s*$/.exec(line);
    if (item) items.push(item[1]!);
  }
  return items;
}

describe('the Slack app manifest', () => {
  it('subscribes to every event the app listens to, and only those', () => {
    const events = [...listeners.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]);
    expect(listUnder('bot_events').sort()).toEqual([...new Set(events)].sort());
  });

  it('declares the shortcut and the command the app handles', () => {
    expect(manifest).toContain('callback_id: share_with_heard');
    expect(listeners).toContain("SHARE_SHORTCUT = 'share_with_heard'");
    expect(manifest).toContain('command: /heard');
  });

  it('asks for every scope the Web API calls need', () => {
    const scopes = listUnder('bot');
    for (const needed of [
      'chat:write', // chat.postMessage, chat.update
      'commands',
      'im:write', // conversations.open
      'channels:history', // conversations.history for captured messages
      'reactions:read', // reaction_added
      'users:read', // users.info
      'users:read.email', // matching people by email
    ]) {
      expect(scopes).toContain(needed);
    }
  });

  it('sends events, commands, interactivity and options to the one signed endpoint', () => {
    const urls = [...manifest.matchAll(/(?:url|request_url|message_menu_options_url): (\S+)/g)].map(
      (m) => m[1],
    );
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });
});
