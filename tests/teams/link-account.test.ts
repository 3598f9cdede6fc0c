import { describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';
import { HUB_URL, messageActivity, type TeamsUser, teamsUser, useTeamsBot } from './support/teams-bot';

// The web hub (demo organisation) and the Teams bot on one database: a journey across both.
const hub = useWebHub({ insights: 20 });
const bot = useTeamsBot({ database: () => hub.db });

/** Says something to the bot and returns the card it answered with. */
async function say(user: TeamsUser, text: string): Promise<Record<string, unknown>> {
  const before = bot.microsoft.sent.length;
  expect((await bot.send(messageActivity(user, text))).status).toBe(200);
  const [sent] = bot.microsoft.sent.slice(before).filter((c) => c.method === 'POST');
  return (sent!.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
}

const aadOf = async (email: string) =>
  (await hub.db.sql`select teams_aad_object_id from people where email = ${email}`)[0]!.teams_aad_object_id;

describe('linking a Teams account Heard cannot match by email', () => {
  it('answers with a card carrying a one-time link; confirming it signed in links the Entra object id', async () => {
    const user = teamsUser();
    bot.microsoft.members.set(user.id, { email: 'sam@personal.example', aadObjectId: user.aadObjectId });
    const card = await say(user, 'my actions');
    expect(JSON.stringify(card)).toContain('Your Teams account is not linked to Heard');
    const action = (card.actions as { type: string; title: string; url: string }[])[0]!;
    expect(action).toMatchObject({ type: 'Action.OpenUrl', title: 'Link my Teams account' });
    expect(action.url.startsWith(`${HUB_URL}/link/teams/`)).toBe(true);
    const path = new URL(action.url).pathname;

    const sam = await hub.signIn('sam.carter@example.com');
    expect(await (await hub.get(path, sam)).text()).toContain('Link this Microsoft Teams account to me');
    const confirmed = await hub.post(path, {}, sam);
    expect(confirmed.status).toBe(200);
    expect(await aadOf('sam.carter@example.com')).toBe(user.aadObjectId);

    const help = await say(user, 'help');
    expect(JSON.stringify(help)).toContain('What you can type');
  });

  it('refuses a link for an object id already linked to someone else', async () => {
    const user = teamsUser();
    bot.microsoft.members.set(user.id, { email: 'nobody@personal.example', aadObjectId: user.aadObjectId });
    const card = await say(user, 'help');
    const path = new URL((card.actions as { url: string }[])[0]!.url).pathname;
    await hub.db.sql`update people set teams_aad_object_id = ${user.aadObjectId}
                     where email = 'priya.raman@example.com'`;
    const lea = await hub.signIn('lea.moreau@example.com');
    const refused = await hub.post(path, {}, lea);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('already linked to someone else');
    expect(await aadOf('lea.moreau@example.com')).toBeNull();
  });
});
