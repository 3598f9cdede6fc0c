import { data, Form, Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/link-chat';
import { CHAT_PLATFORMS, type ChatLinkState, type ChatPlatform } from './link-chat.server';

const NAME: Record<ChatPlatform, string> = { slack: 'Slack', teams: 'Microsoft Teams' };

const REFUSAL: Record<Exclude<ChatLinkState['status'], 'ready' | 'linked'>, string> = {
  unknown: 'This link is not one Heard made. Ask Heard in chat again for a new one.',
  expired: 'This link has expired: links work for an hour. Write to Heard in chat again for a new one.',
  used: 'This link has already been used. If your account is still not recognised, write to Heard in chat again for a new one.',
  taken:
    'This chat account is already linked to someone else in Heard. If it is yours, ask an admin to sort it out.',
};

const STATUS = { unknown: 404, expired: 410, used: 410, taken: 409 } as const;

function platformOf(value: string): ChatPlatform {
  if (!(CHAT_PLATFORMS as readonly string[]).includes(value))
    throw data('There is no such page.', { status: 404 });
  return value as ChatPlatform;
}

function answer(platform: ChatPlatform, state: ChatLinkState) {
  const body = { platform: NAME[platform], status: state.status };
  return state.status === 'ready' || state.status === 'linked'
    ? body
    : data(body, { status: STATUS[state.status] });
}

/** Opening the link only shows what it would do; the signed-in person confirms with the button. */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const platform = platformOf(params.platform);
  return answer(platform, await context.hub.chatLinks.read(platform, params.token, actor.id));
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const platform = platformOf(params.platform);
  return answer(platform, await context.hub.chatLinks.redeem(platform, params.token, actor.id));
}

export const meta: Route.MetaFunction = () => [{ title: 'Link your chat account · Heard' }];

export default function LinkChat({ loaderData, actionData }: Route.ComponentProps) {
  const { platform, status } = actionData ?? loaderData;
  return (
    <section className="panel stack narrow">
      <h1>{`Link your ${platform} account`}</h1>
      {status === 'linked' || (actionData && status === 'ready') ? (
        <p role="status">
          {`Done: Heard now knows your ${platform} account is you. Go back to ${platform} and try again.`}
        </p>
      ) : status === 'ready' ? (
        <>
          <p>
            {`Someone using ${platform} asked Heard for this link. If that was you, link that account to you: Heard will then recognise you in ${platform} and show you what you may read here.`}
          </p>
          <Form method="post">
            <button type="submit" className="button button-primary">
              {`Link this ${platform} account to me`}
            </button>
          </Form>
          <p className="muted">
            Not you? <Link to="/">Leave this page</Link>; nothing changes.
          </p>
        </>
      ) : (
        <p role="alert">{REFUSAL[status]}</p>
      )}
    </section>
  );
}
