import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { timeAgo } from '../lib/format';
import type { Route } from './+types/import';
import { importFieldList, requireImporter, startUpload } from './import.server';
import './customer-pages.css';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  requireImporter(actor);
  const runs = await context.hub.customers.importRuns();
  return {
    runs: runs.map((r) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    })),
    fields: importFieldList(),
    now: new Date().toISOString(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  requireImporter(actor);
  const result = await startUpload(context, actor, await request.formData());
  if (result.ok) throw redirect(`/import/${result.runId}`);
  return data(result, { status: 422 });
}

export const meta: Route.MetaFunction = () => [{ title: 'Import · Heard' }];

const STATUS_WORDS = { running: 'Running', done: 'Done', failed: 'Stopped' } as const;

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
  const { runs, fields } = loaderData;
  const now = new Date(loaderData.now);
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <section className="import-page" aria-labelledby="import-title">
      <header className="page-head">
        <h1 id="import-title">Import customers or insights</h1>
        <p className="muted">
          A CSV export from a CRM, a help desk or a survey tool. Columns are recognised by their names; the
          choices are saved for the source, so its next export needs none. Customers are matched to the ones
          Heard knows (same rules as everywhere); a file imported again adds nothing twice.
        </p>
      </header>
      <Form method="post" encType="multipart/form-data" className="panel import-form">
        <fieldset>
          <legend>What the file holds</legend>
          <label>
            <input type="radio" name="kind" value="customers" defaultChecked /> Customers
          </label>
          <label>
            <input type="radio" name="kind" value="insights" /> Insights (reported by you)
          </label>
          {errors.kind && <p className="form-error">{errors.kind}</p>}
        </fieldset>
        <label>
          CSV file
          <input
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,text/csv"
            required
            aria-invalid={Boolean(errors.file)}
          />
        </label>
        {errors.file && (
          <p className="form-error" role="alert">
            {errors.file}
          </p>
        )}
        <label>
          Source system
          <input type="text" name="source" placeholder="e.g. hubspot, zendesk, survey" defaultValue="csv" />
        </label>
        <label>
          Columns (optional), one per line as field = column
          <textarea name="mapping" rows={3} placeholder={'name = Company\nidentifier:billing = Account no'} />
        </label>
        {errors.mapping && <p className="form-error">{errors.mapping}</p>}
        <details>
          <summary>Fields</summary>
          {Object.entries(fields).map(([kind, list]) => (
            <p key={kind} className="muted">
              <strong>{kind}:</strong>{' '}
              {list.map((f) => `${f.field} (${f.label}${f.required ? ', required' : ''})`).join(', ')}
              {kind === 'customers' && ', identifier:<system> (an id in another system)'}
            </p>
          ))}
        </details>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Uploading…' : 'Import'}
        </button>
      </Form>
      <div className="panel">
        <h2>Recent imports</h2>
        {runs.length === 0 ? (
          <p className="muted">Nothing imported yet.</p>
        ) : (
          <ul className="import-runs">
            {runs.map((r) => (
              <li key={r.id}>
                <Link to={`/import/${r.id}`}>{r.fileName}</Link>{' '}
                <span className="muted">
                  {r.kind} from {r.source} · {STATUS_WORDS[r.status]} · {timeAgo(r.startedAt, now)} · created{' '}
                  {r.counts.created ?? 0}, matched {r.counts.matched ?? 0}, rejected {r.counts.rejected ?? 0}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
