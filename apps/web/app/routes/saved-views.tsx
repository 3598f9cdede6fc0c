import { Form, Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/saved-views';
import { handleSavedViewForm, listViews, viewQuery } from './saved-views.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const query = viewQuery(new URL(request.url).searchParams.get('query') ?? '');
  return { views: await listViews(context, actor), query };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  return handleSavedViewForm(context, actor, await request.formData());
}

export const meta: Route.MetaFunction = () => [{ title: 'Saved views · Heard' }];

/** The person's saved feed views; also where a refused save lands without JavaScript. */
export default function SavedViews({ loaderData, actionData }: Route.ComponentProps) {
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const query = actionData?.values.query ?? loaderData.query;
  return (
    <section className="panel saved-views-page" aria-labelledby="views-title">
      <p className="crumbs">
        <Link to={query ? `/?${query}` : '/'}>← Feed</Link>
      </p>
      <h1 id="views-title">Saved views</h1>
      <p className="muted">Feeds you named, with their filters and sort, one click away.</p>
      <SaveViewForm query={query} error={errors.name ?? errors.form} typed={actionData?.values.name} />
      {loaderData.views.length === 0 ? (
        <p className="muted">No saved views yet: filter the feed, then save it here with a name.</p>
      ) : (
        <ul className="saved-view-list">
          {loaderData.views.map((v) => (
            <li key={v.id} className="row">
              <Link to={v.href}>{v.name}</Link>
              <span className="spacer" />
              <Form method="post" action="/saved-views">
                <input type="hidden" name="viewId" value={v.id} />
                <button
                  type="submit"
                  name="intent"
                  value="delete"
                  className="button small"
                  aria-label={`Delete the view “${v.name}”`}
                >
                  Delete
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Names the current feed; used on the feed and on this page. */
export function SaveViewForm(props: { query: string; error?: string; typed?: string }) {
  return (
    <Form method="post" action="/saved-views" className="save-view" aria-label="Save this view of the feed">
      <input type="hidden" name="query" value={props.query} />
      <label>
        Save this view as
        <input
          name="name"
          defaultValue={props.typed ?? ''}
          maxLength={80}
          placeholder="e.g. SMB billing pains"
          aria-invalid={Boolean(props.error)}
          aria-describedby={props.error ? 'view-name-error' : undefined}
        />
      </label>
      <button type="submit" name="intent" value="save" className="button">
        Save view
      </button>
      {props.error && (
        <p className="field-error" id="view-name-error" role="alert">
          {props.error}
        </p>
      )}
    </Form>
  );
}
