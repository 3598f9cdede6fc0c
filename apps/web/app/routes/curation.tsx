import { useEffect, useRef, useState } from 'react';
import { data, Form, Link, useNavigation } from 'react-router';
import { Chips } from '../components/chips';
import { requireActor } from '../lib/auth.server';
import { initials, kindLabel, sourceLabel, timeAgo } from '../lib/format';
import type { Route } from './+types/curation';
import { handleCurationForm, loadCurationQueue, requireCurator } from './curation.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  requireCurator(actor, 'open the curation queue');
  return loadCurationQueue(context, actor, new URL(request.url));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  requireCurator(actor, 'triage insights');
  const result = await handleCurationForm(context, actor, await request.formData());
  return result.ok ? result : data(result, { status: 422 });
}

export const meta: Route.MetaFunction = () => [{ title: 'Curation queue · Heard' }];

const DONE_WORDS = { triage: 'marked triaged', archive: 'archived' } as const;

export default function Curation({ loaderData, actionData }: Route.ComponentProps) {
  const { items, waiting, nextHref, isFirstPage } = loaderData;
  const now = new Date(loaderData.now);
  const busy = useNavigation().state === 'submitting';
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const boxes = () => [
    ...(form.current?.querySelectorAll<HTMLInputElement>('input[name="insightIds"]') ?? []),
  ];
  const recount = () => setSelected(boxes().filter((b) => b.checked).length);
  // Triaged items leave the list after the action; count what is still ticked.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recount reads the DOM, the items are the trigger
  useEffect(recount, [items]);
  const selectAll = (checked: boolean) => {
    for (const box of boxes()) box.checked = checked;
    recount();
  };
  const errors: Record<string, string | undefined> = actionData && !actionData.ok ? actionData.errors : {};
  return (
    <section className="curation" aria-labelledby="curation-title">
      <header className="curation-head">
        <div>
          <h1 id="curation-title">Curation queue</h1>
          <p className="muted">
            {waiting === 0
              ? 'Nothing new waits for triage.'
              : `${waiting} new ${waiting === 1 ? 'insight waits' : 'insights wait'} for triage, newest first. Tick the ones you have read, then mark them triaged or archive them.`}
          </p>
        </div>
        <Link to="/stories" className="button">
          Read the stories
        </Link>
      </header>
      {actionData?.ok && (actionData.intent === 'triage' || actionData.intent === 'archive') && (
        <p className="notice" role="status">
          {actionData.updated === 1
            ? `1 insight ${DONE_WORDS[actionData.intent]}: it has left the queue.`
            : `${actionData.updated} insights ${DONE_WORDS[actionData.intent]}: they have left the queue.`}
        </p>
      )}
      {actionData?.ok && actionData.intent === 'merge' && <MergeDone {...actionData} />}
      {actionData?.ok && actionData.intent === 'undo-merge' && (
        <p className="notice" role="status">
          Merge undone: {actionData.restored === 1 ? 'the insight is' : `${actionData.restored} insights are`}{' '}
          back as they were.
        </p>
      )}
      {actionData && !actionData.ok && actionData.chooseSurvivor && (
        <ChooseSurvivor candidates={actionData.chooseSurvivor} error={errors.survivorId ?? errors.form} />
      )}
      {items.length === 0 ? (
        <div className="empty panel">
          <h2>{isFirstPage ? 'All caught up' : 'No older new insights'}</h2>
          <p className="muted">
            Everything shared has been triaged. <Link to="/stories">See the published stories</Link> or{' '}
            <Link to="/">read the feed</Link>.
          </p>
        </div>
      ) : (
        <Form method="post" ref={form} onChange={recount} aria-label="Triage the selected insights">
          <ol className="queue" aria-label="New insights, newest first">
            {items.map((item) => (
              <li key={item.id} className={`queue-item kind-${item.kind}`}>
                <input
                  type="checkbox"
                  name="insightIds"
                  value={item.id}
                  className="queue-check"
                  aria-label={`Select “${item.title}”`}
                />
                <div className="queue-main">
                  <div className="card-meta">
                    <span className={`badge badge-${item.kind}`}>{kindLabel(item.kind)}</span>
                    <span
                      className={`sentiment sentiment-${item.sentiment}`}
                      title={`Sentiment: ${item.sentiment}`}
                    />
                    {item.hasStory && <span className="badge badge-story">Story</span>}
                    {item.visibility.scope !== 'everyone' && (
                      <span className="badge badge-restricted">
                        {item.visibility.scope === 'team' ? 'Team only' : 'Restricted'}
                      </span>
                    )}
                    <span className="spacer" />
                    <time dateTime={item.createdAt}>{timeAgo(item.createdAt, now)}</time>
                  </div>
                  <h2 className="card-title">
                    <Link to={`/insights/${item.id}`}>{item.title}</Link>
                  </h2>
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderMarkdown */}
                  <div className="queue-body prose" dangerouslySetInnerHTML={{ __html: item.html }} />
                  <Chips customers={item.customers} goals={item.goals} tags={item.tags} />
                  <footer className="card-footer">
                    <span className="avatar small" aria-hidden="true">
                      {initials(item.reporter.name)}
                    </span>
                    <span>
                      {item.reporter.name}
                      {item.reporter.teamName && <span className="muted"> · {item.reporter.teamName}</span>}
                      <span className="muted"> · via {sourceLabel(item.source.kind)}</span>
                    </span>
                    <span className="spacer" />
                    <Link to={`/insights/${item.id}/story`} className="button small">
                      {item.hasStory ? 'Edit story' : 'Write story'}
                    </Link>
                  </footer>
                </div>
              </li>
            ))}
          </ol>
          {/* After the list, pinned to the bottom of the screen: tick while reading, act without scrolling back. */}
          <fieldset className="bulk-bar" aria-label="With the selected insights">
            {!(actionData && !actionData.ok && actionData.chooseSurvivor) &&
              (errors.insightIds || errors.form || errors.intent) && (
                <p className="form-error" role="alert">
                  {errors.insightIds ?? errors.form ?? errors.intent}
                </p>
              )}
            <label className="check">
              <input
                type="checkbox"
                checked={selected > 0 && selected === items.length}
                onChange={(e) => selectAll(e.currentTarget.checked)}
                aria-label="Select every insight on this page"
              />
              {selected > 0 ? (
                <span>{selected} selected</span>
              ) : (
                <span>
                  <span className="wide-only">Select all</span>
                  <span className="narrow-only">All</span>
                </span>
              )}
            </label>
            <span className="spacer" />
            <button
              type="submit"
              name="intent"
              value="triage"
              className="button button-primary"
              disabled={busy}
            >
              Mark triaged{selected > 0 && <span className="wide-only"> ({selected})</span>}
            </button>
            <button type="submit" name="intent" value="archive" className="button" disabled={busy}>
              Archive{selected > 0 && <span className="wide-only"> ({selected})</span>}
            </button>
            <button
              type="submit"
              name="intent"
              value="merge"
              className="button"
              disabled={busy}
              title="Fold duplicates into one insight: you choose which one stays"
            >
              Merge…
            </button>
          </fieldset>
        </Form>
      )}
      <nav className="pager" aria-label="Pages">
        {!isFirstPage && <Link to="/curation">↑ Newest</Link>}
        <span className="spacer" />
        {nextHref && (
          <Link to={nextHref} className="button" rel="next">
            Older →
          </Link>
        )}
      </nav>
    </section>
  );
}

/** Step two of a merge: which of the ticked insights stays (it keeps its text, the rest fold into it). */
function ChooseSurvivor({
  candidates,
  error,
}: {
  candidates: { id: string; title: string }[];
  error?: string;
}) {
  return (
    <Form method="post" className="panel merge-chooser" aria-labelledby="merge-title">
      <h2 id="merge-title">{`Merge ${candidates.length} insights: which one stays?`}</h2>
      <p className="muted">
        The others’ evidence, reactions, goal links, customers and comments move to the one you keep. Their
        links lead to it from now on, and you can undo the merge.
      </p>
      {error && (
        <p className="form-error" role="alert" id="survivor-error">
          {error}
        </p>
      )}
      <fieldset aria-describedby={error ? 'survivor-error' : undefined}>
        <legend className="visually-hidden">Insight to keep</legend>
        {candidates.map((c, index) => (
          <label key={c.id} className="check">
            <input type="radio" name="survivorId" value={c.id} defaultChecked={index === 0} />
            {c.title}
          </label>
        ))}
      </fieldset>
      {candidates.map((c) => (
        <input key={c.id} type="hidden" name="insightIds" value={c.id} />
      ))}
      <div className="row end">
        <Link to="/curation" className="button">
          Cancel
        </Link>
        <button type="submit" name="intent" value="merge" className="button button-primary">
          Merge into the one I chose
        </button>
      </div>
    </Form>
  );
}

function MergeDone({ survivor, mergeIds }: { survivor: { id: string; title: string }; mergeIds: string[] }) {
  return (
    <Form method="post" className="notice row" role="status">
      <span>
        {mergeIds.length === 1 ? '1 insight' : `${mergeIds.length} insights`} merged into “
        <Link to={`/insights/${survivor.id}`}>{survivor.title}</Link>”.
      </span>
      {mergeIds.map((id) => (
        <input key={id} type="hidden" name="mergeIds" value={id} />
      ))}
      <span className="spacer" />
      <button type="submit" name="intent" value="undo-merge" className="button small">
        Undo
      </button>
    </Form>
  );
}
