import {
  ACCEPTED_MEDIA,
  type AttachmentMeta,
  INSIGHT_KINDS,
  pickCustomer,
  postInsight,
  SENTIMENTS,
} from '@heard/domain';
import { useEffect, useRef, useState } from 'react';
import { data, Form, Link, redirect, useFetcher, useNavigation } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { type FieldErrors, toFieldErrors } from '../lib/errors.server';
import { kindLabel } from '../lib/format';
import { renderMarkdown } from '../lib/markdown.server';
import type { Route } from './+types/post';
import {
  checkNewUploads,
  isOversizedRequest,
  readUploads,
  removeStored,
  storeUploads,
} from './attachments.server';
import { formToObject, PostFormSchema, splitTags, visibilityFrom } from './post.schema';
import { CustomerPicker } from './post-customer-picker';
import { MarkdownField } from './post-markdown-field';
import type { loader as similarLoader } from './similar';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const [goals, people, teams] = await Promise.all([
    context.hub.lookups.activeGoals(),
    context.hub.lookups.people(),
    context.hub.lookups.teams(),
  ]);
  return {
    goals: goals.map((g) => ({ id: g.id, title: g.title })),
    people: people.filter((p) => p.id !== actor.id).map((p) => ({ id: p.id, name: p.name })),
    teamName: teams.find((t) => t.id === actor.teamId)?.name ?? null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  if (isOversizedRequest(request)) {
    return data(
      {
        errors: { attachments: 'These files are too large together: choose fewer or smaller ones.' },
        values: {},
      },
      { status: 413 },
    );
  }
  const formData = await request.formData();
  const raw = formToObject(formData);
  // Preview and Write are buttons of this form for browsers without JavaScript: render, keep everything typed.
  const intent = formData.get('intent');
  if (intent === 'preview' || intent === 'write') {
    const body = typeof raw.body === 'string' ? raw.body : '';
    return { errors: {}, values: raw, preview: intent === 'preview' ? renderMarkdown(body) : null };
  }
  const parsed = PostFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return data({ errors, values: raw }, { status: 400 });
  }
  const form = parsed.data;
  const uploadsDir = context.hub.uploadsDir;
  let stored: AttachmentMeta[] = [];
  try {
    // Files are judged by their bytes and size, and thumbnails made in memory, before any is written.
    const uploads = await readUploads(formData, 'attachments');
    stored = await storeUploads(uploadsDir, uploads, checkNewUploads(uploads, 'attachments'));
    // The combobox sends the picked id; without JavaScript only the typed name or identifier arrives.
    const customerId = form.customerId || (await pickCustomer(context.hub.deps, { text: form.customer }))?.id;
    const { insight, privacy } = await postInsight(context.hub.deps, {
      actor,
      title: form.title,
      body: form.body,
      kind: form.kind,
      sentiment: form.sentiment,
      source: { kind: 'web' },
      customerIds: customerId ? [customerId] : [],
      goalIds: form.goalIds,
      tags: splitTags(form.tags),
      visibility: visibilityFrom(form, actor.teamId),
      attachments: stored,
    });
    // When intake masked something, the reporter lands on the insight, where it says what and why.
    if (privacy?.length) return redirect(`/insights/${insight.id}?protected=${privacy.length}`);
    return redirect(`/?posted=${insight.id}`);
  } catch (error) {
    await removeStored(uploadsDir, stored);
    return data({ errors: toFieldErrors(error), values: raw }, { status: 422 });
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Share what you heard · Heard' }];

function FieldError({ message, id }: { message: string | undefined; id: string }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

export default function Post({ loaderData, actionData }: Route.ComponentProps) {
  const errors: FieldErrors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, unknown>;
  const text = (key: string, fallback = '') =>
    typeof values[key] === 'string' ? (values[key] as string) : fallback;
  const list = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []);
  const [visibility, setVisibility] = useState(text('visibility', 'everyone'));
  // A complaint about the text is stale once the person types again.
  const [bodyEdited, setBodyEdited] = useState(false);
  const busy = useNavigation().state === 'submitting';
  const similar = useFetcher<typeof similarLoader>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const lookForSimilar = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => similar.load(`/similar?text=${encodeURIComponent(text)}`), 400);
  };
  const matches = similar.data?.hits ?? [];
  return (
    <section className="panel composer">
      <h1>Share what you heard</h1>
      <p className="muted">One thing a customer said or showed you. Write it the way they said it.</p>
      <Form method="post" className="stack" encType="multipart/form-data" noValidate>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <MarkdownField
          initialText={text('body')}
          error={bodyEdited ? undefined : errors.body}
          serverPreview={actionData && 'preview' in actionData ? actionData.preview : null}
          onTextChange={(value) => {
            setBodyEdited(true);
            lookForSimilar(value);
          }}
        />
        <FieldError id="body-error" message={bodyEdited ? undefined : errors.body} />
        {matches.length > 0 && (
          <aside className="similar" aria-live="polite">
            <strong>Heard this before?</strong> If one of these says the same, open it and say “me too”
            instead:
            <ul>
              {matches.map((m) => (
                <li key={m.id}>
                  <Link to={`/insights/${m.id}`} target="_blank" rel="noreferrer">
                    {m.title}
                  </Link>
                </li>
              ))}
            </ul>
          </aside>
        )}
        <label>
          Headline <span className="muted">(optional: we use the first line otherwise)</span>
          <input name="title" defaultValue={text('title')} aria-invalid={Boolean(errors.title)} />
        </label>
        <FieldError id="title-error" message={errors.title} />
        <div className="row">
          <label>
            Kind
            <select name="kind" defaultValue={text('kind', 'pain')}>
              {INSIGHT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            How did the customer feel?
            <select name="sentiment" defaultValue={text('sentiment', 'negative')}>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {s[0]!.toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FieldError id="kind-error" message={errors.kind ?? errors.sentiment} />
        <CustomerPicker
          initialText={text('customer')}
          initialId={text('customerId')}
          error={errors.customer ?? errors.customerIds}
        />
        <FieldError id="customer-error" message={errors.customer ?? errors.customerIds} />
        <label>
          Pictures or video{' '}
          <span className="muted">
            (optional: {ACCEPTED_MEDIA}; images up to 10 MB, videos up to 100 MB, at most 6)
          </span>
          <input
            type="file"
            name="attachments"
            multiple
            accept="image/png,image/jpeg,image/gif,image/webp,video/mp4,video/quicktime,video/webm"
            aria-invalid={Boolean(errors.attachments)}
            aria-describedby={errors.attachments ? 'attachments-error' : undefined}
          />
        </label>
        <FieldError
          id="attachments-error"
          message={
            errors.attachments && `${errors.attachments} Choose the files again: browsers do not keep them.`
          }
        />
        <fieldset>
          <legend>Which goals does it serve?</legend>
          <div className="checks">
            {loaderData.goals.map((g) => (
              <label key={g.id} className="check">
                <input
                  type="checkbox"
                  name="goalIds"
                  value={g.id}
                  defaultChecked={list('goalIds').includes(g.id)}
                />
                {g.title}
              </label>
            ))}
          </div>
        </fieldset>
        <FieldError id="goals-error" message={errors.goalIds} />
        <label>
          Tags <span className="muted">(separated by commas)</span>
          <input
            name="tags"
            defaultValue={text('tags')}
            placeholder="billing, invoices"
            aria-invalid={Boolean(errors.tags)}
          />
        </label>
        <FieldError id="tags-error" message={errors.tags} />
        <fieldset>
          <legend>Who may see it?</legend>
          <div className="checks">
            <label className="check">
              <input
                type="radio"
                name="visibility"
                value="everyone"
                checked={visibility === 'everyone'}
                onChange={() => setVisibility('everyone')}
              />
              Everyone
            </label>
            {loaderData.teamName && (
              <label className="check">
                <input
                  type="radio"
                  name="visibility"
                  value="team"
                  checked={visibility === 'team'}
                  onChange={() => setVisibility('team')}
                />
                My team ({loaderData.teamName})
              </label>
            )}
            <label className="check">
              <input
                type="radio"
                name="visibility"
                value="people"
                checked={visibility === 'people'}
                onChange={() => setVisibility('people')}
              />
              Only people I name
            </label>
          </div>
          {visibility === 'people' && (
            <select
              name="personIds"
              multiple
              size={6}
              defaultValue={list('personIds')}
              aria-label="People who may see it"
            >
              {loaderData.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <FieldError id="visibility-error" message={errors.visibility} />
        <div className="row end">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Sharing…' : 'Share'}
          </button>
        </div>
      </Form>
    </section>
  );
}
