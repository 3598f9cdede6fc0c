import { useEffect } from 'react';
import { data, Link, useRevalidator } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/import-run';
import { requireImporter } from './import.server';
import { describeRun } from './import-run.server';
import './customer-pages.css';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  requireImporter(actor);
  const run = await context.hub.customers.importRun(params.id);
  if (!run) throw data('No import has that id.', { status: 404 });
  return {
    run: {
      ...run,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    },
    ...describeRun(run),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `${data?.run.status === 'running' ? 'Importing' : 'Imported'} ${data?.run.fileName ?? ''} · Heard`,
  },
];

export default function ImportRun({ loaderData }: Route.ComponentProps) {
  const { run, counts, guarantee } = loaderData;
  const revalidator = useRevalidator();
  const running = run.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const percent = run.bytesTotal > 0 ? Math.min(100, Math.round((run.bytesDone / run.bytesTotal) * 100)) : 0;
  return (
    <section className="import-page" aria-labelledby="run-title">
      {running && (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      )}
      <p className="crumbs">
        <Link to="/import">← Imports</Link>
      </p>
      <header className="page-head">
        <h1 id="run-title">
          {run.kind === 'customers' ? 'Customers' : 'Insights'} from {run.fileName}
        </h1>
        <p className="muted">Source “{run.source}”</p>
      </header>
      <div className="panel" aria-live="polite">
        <p className={`import-status import-${run.status}`} role="status">
          {running ? `Importing… ${percent} %` : run.status === 'done' ? 'Done.' : 'Stopped.'}
        </p>
        <progress max={100} value={running ? percent : 100} aria-label="Import progress" />
        <p className="import-counts">{counts}</p>
        <p className="muted">{run.committedLine.toLocaleString('en-GB')} lines committed.</p>
        {run.message && (
          <pre className="form-error import-message" role="alert">
            {run.message}
          </pre>
        )}
        <p className="muted small">{guarantee}</p>
      </div>
      {run.rejections.length > 0 && (
        <div className="panel">
          <h2>Rejected lines</h2>
          <table className="rejections">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {run.rejections.map((r) => (
                <tr key={`${r.line}-${r.reason}`}>
                  <td>{r.line}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(run.counts.rejected ?? 0) > run.rejections.length && (
            <p className="muted">
              The first {run.rejections.length} of {run.counts.rejected} rejected lines are listed.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
