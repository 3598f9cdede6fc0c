import { loadReadableInsight } from '@heard/domain';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { Chips } from '../components/chips';
import { requireActor } from '../lib/auth.server';
import { rethrowAsResponse } from '../lib/errors.server';
import { kindLabel } from '../lib/format';
import { renderMarkdown } from '../lib/markdown.server';
import type { Route } from './+types/story-form';
import { isOversizedRequest } from './attachments.server';
import { requireCurator } from './curation.server';
import { handleStoryForm, initialValues } from './story-form.server';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  requireCurator(actor, 'write stories');
  const { deps } = context.hub;
  const insight = await loadReadableInsight(deps, actor, params.id).catch(rethrowAsResponse);
  const customers = await deps.customers.findByIds(insight.customerIds);
  return {
    insight: {
      id: insight.id,
      title: insight.title,
      html: renderMarkdown(insight.body),
      kind: insight.kind,
      tags: insight.tags,
      isRestricted: insight.visibility.scope !== 'everyone',
      customers: customers.map((c) => ({ id: c.id, name: c.name, segment: c.segment })),
    },
    story: insight.story && { status: insight.story.status },
    values: initialValues(insight),
    saved: new URL(request.url).searchParams.get('saved') === 'draft',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  requireCurator(actor, 'write stories');
  if (isOversizedRequest(request))
    throw data('That file is too large: choose a smaller one.', { status: 413 });
  const result = await handleStoryForm(context, actor, params.id, await request.formData());
  if (!result.ok) return data(result, { status: 422 });
  if (result.published) return redirect(`/stories?published=${params.id}#story-${params.id}`);
  return redirect(`/insights/${params.id}/story?saved=draft`);
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Story: ${data?.insight.title ?? 'insight'} · Heard` },
];

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

export default function StoryFormPage({ loaderData, actionData }: Route.ComponentProps) {
  const { insight, story, saved } = loaderData;
  const refused = actionData && !actionData.ok ? actionData : null;
  const errors = refused?.errors ?? {};
  const values = refused?.values ?? loaderData.values;
  const busy = useNavigation().state === 'submitting';
  const heroError = errors.heroMedia ?? errors.heroUrl;
  return (
    <div className="story-editor">
      <p className="crumbs">
        <Link to="/curation">← Curation queue</Link>
      </p>
      <section className="panel story-form" aria-labelledby="story-form-title">
        <p className="kicker">
          {story ? (story.status === 'published' ? 'Published story' : 'Story draft') : 'New story'}
        </p>
        <h1 id="story-form-title">Tell this as a customer story</h1>
        <p className="muted">
          A headline people remember, the customer's own words, and why it matters. Published stories reach
          everyone on the stories page and in digests.
        </p>
        {saved && !refused && (
          <p className="notice" role="status">
            Draft saved. Publish it when it is ready.
          </p>
        )}
        <Form method="post" className="stack" encType="multipart/form-data" noValidate>
          {errors.form && (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          )}
          <label>
            Headline
            <input
              name="headline"
              defaultValue={values.headline}
              maxLength={200}
              aria-invalid={Boolean(errors.headline)}
              aria-describedby="headline-error"
            />
          </label>
          <FieldError id="headline-error" message={errors.headline} />
          <label>
            Summary <span className="hint">What happened, and why it matters to us</span>
            <textarea
              name="summary"
              rows={5}
              defaultValue={values.summary}
              aria-invalid={Boolean(errors.summary)}
              aria-describedby="summary-error"
            />
          </label>
          <FieldError id="summary-error" message={errors.summary} />
          <label>
            Pull quote <span className="hint">The customer's words, shown large (optional)</span>
            <textarea
              name="pullQuote"
              rows={2}
              className="short"
              defaultValue={values.pullQuote}
              aria-invalid={Boolean(errors.pullQuote)}
              aria-describedby="pullQuote-error"
            />
          </label>
          <FieldError id="pullQuote-error" message={errors.pullQuote} />
          <fieldset>
            <legend>Hero image or video (optional)</legend>
            <div className="stack">
              <label>
                Image address
                <input
                  name="heroUrl"
                  type="url"
                  inputMode="url"
                  placeholder="https://…"
                  defaultValue={values.heroUrl}
                  aria-invalid={Boolean(heroError)}
                  aria-describedby="heroUrl-error"
                />
              </label>
              <FieldError id="heroUrl-error" message={heroError} />
              <label>
                Or upload one{' '}
                <span className="hint">PNG, JPEG, GIF, WebP up to 10 MB; MP4, MOV, WebM up to 100 MB</span>
                <input
                  type="file"
                  name="heroFile"
                  accept="image/png,image/jpeg,image/gif,image/webp,video/mp4,video/quicktime,video/webm"
                  aria-invalid={Boolean(errors.heroFile)}
                  aria-describedby="heroFile-error"
                />
              </label>
              <FieldError
                id="heroFile-error"
                message={
                  errors.heroFile && `${errors.heroFile} Choose the file again: browsers do not keep it.`
                }
              />
              <label>
                Describe the image <span className="hint">For people who cannot see it</span>
                <input
                  name="heroAlt"
                  placeholder="e.g. The Harbor Dental team at their front desk"
                  defaultValue={values.heroAlt}
                  aria-invalid={Boolean(errors.heroAlt)}
                  aria-describedby="heroAlt-error"
                />
              </label>
              <FieldError id="heroAlt-error" message={errors.heroAlt} />
            </div>
          </fieldset>
          <label className="check publish-check">
            <input
              type="checkbox"
              name="publish"
              defaultChecked={values.publish}
              aria-invalid={Boolean(errors.publish)}
              aria-describedby="publish-error"
            />
            Publish now, for everyone to read
          </label>
          <FieldError id="publish-error" message={errors.publish} />
          <div className="row end">
            <Link to={`/insights/${insight.id}`} className="link-button">
              Cancel
            </Link>
            <button type="submit" className="button button-primary" disabled={busy}>
              Save story
            </button>
          </div>
        </Form>
      </section>
      <aside className="panel story-source" aria-label="The insight this story tells">
        <p className="kicker">The insight</p>
        <div className="card-meta">
          <span className={`badge badge-${insight.kind}`}>{kindLabel(insight.kind)}</span>
          {insight.isRestricted && <span className="badge badge-restricted">Restricted</span>}
        </div>
        <h2>
          <Link to={`/insights/${insight.id}`}>{insight.title}</Link>
        </h2>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderMarkdown */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: insight.html }} />
        <Chips customers={insight.customers} tags={insight.tags} />
        {insight.isRestricted && (
          <p className="hint">
            Not everyone may read this insight: you can save a draft, but publishing needs it visible to
            everyone.
          </p>
        )}
      </aside>
    </div>
  );
}
