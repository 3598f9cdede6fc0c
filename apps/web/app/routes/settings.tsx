import { useState } from 'react';
import { data, Form } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { timeAgo } from '../lib/format';
import type { Route } from './+types/settings';
import { handleTokenForm } from './settings.server';
import { SubscriptionList } from './subscription-list';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const tokens = await context.hub.apiTokens.list(actor.id);
  return {
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    })),
    now: new Date().toISOString(),
    subscriptions: (await context.hub.digests.subscriptionsOf(actor.id)).map(
      ({ id, scopeLabel, cadenceLabel, channel }) => ({ id, scopeLabel, cadenceLabel, channel }),
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const result = await handleTokenForm(context, actor, await request.formData());
  return data(result, { status: Object.keys(result.errors).length > 0 ? 422 : 200 });
}

export const meta: Route.MetaFunction = () => [{ title: 'Settings · Heard' }];

/** Copies with one click where the browser allows it; selecting the field works everywhere. */
function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button"
      onClick={() =>
        navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => {},
        )
      }
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { tokens } = loaderData;
  const now = new Date(loaderData.now);
  const errors = actionData?.errors ?? {};
  const created = actionData?.created;
  return (
    <section className="panel stack settings">
      <h1>Settings</h1>
      <h2>API tokens</h2>
      <p className="muted">
        Other systems use a token to call the REST API at <code>/api/v1</code> as you: they see what you see
        and may do what you may do. The endpoints are described in{' '}
        <a href="/api/v1/openapi.json">the OpenAPI document</a>.
      </p>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      {created && (
        <div className="notice new-token" role="status">
          <p>
            <strong>{created.name}</strong> is ready. Copy the token now: it is shown only this once.
          </p>
          <div className="row">
            <input
              className="secret"
              readOnly
              value={created.secret}
              aria-label={`API token ${created.name}`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={created.secret} />
          </div>
          <p className="hint">Send it as the header: Authorization: Bearer {created.secret.slice(0, 12)}…</p>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="muted">You have no API tokens.</p>
      ) : (
        <ul className="inbox-list token-list">
          {tokens.map((t) => (
            <li key={t.id}>
              <span>
                <strong>{t.name}</strong> <code>{t.prefix}…</code>
                <br />
                <span className="muted">
                  Created {timeAgo(t.createdAt, now)} ·{' '}
                  {t.lastUsedAt ? `last used ${timeAgo(t.lastUsedAt, now)}` : 'never used'}
                </span>
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="tokenId" value={t.id} />
                <button type="submit" className="button" aria-label={`Revoke ${t.name}`}>
                  Revoke
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="create" />
        <label>
          New token’s name
          <input
            name="name"
            maxLength={100}
            placeholder="e.g. CRM sync"
            aria-invalid={Boolean(errors.name)}
            aria-describedby="name-error"
          />
        </label>
        {errors.name && (
          <p className="field-error" id="name-error" role="alert">
            {errors.name}
          </p>
        )}
        <div className="row end">
          <button type="submit" className="button button-primary">
            Create token
          </button>
        </div>
      </Form>
      <h2>Digests</h2>
      <SubscriptionList subscriptions={loaderData.subscriptions} />
      <p>
        <a href="/subscriptions#subscribe">Subscribe to a digest</a> · <a href="/digests">Past digests</a>
      </p>
      <h2>Sessions</h2>
      <p className="muted">
        Lost a device, or signed in on a shared computer? End every session of yours, this one included.
      </p>
      <Form method="post" action="/sign-out-everywhere">
        <button type="submit" className="button">
          Sign out everywhere
        </button>
      </Form>
    </section>
  );
}
