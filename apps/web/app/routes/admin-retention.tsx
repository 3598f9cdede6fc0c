import {
  DATA_MAP,
  describeRetention,
  PII_KINDS,
  PII_LABELS,
  RETENTION_DATA,
  RETENTION_LABELS,
  SOURCE_KINDS,
} from '@heard/domain';
import { data, Form, useNavigation } from 'react-router';
import { GovernanceNav, governanceLinks } from '../components/governance-nav';
import type { Route } from './+types/admin-retention';
import { requireAdmin } from './admin-audit.server';
import { handleRetentionForm } from './admin-retention.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  requireAdmin(context, request);
  const g = context.hub.governance;
  const [piiPolicy, policies, holds, runs] = await Promise.all([
    g.piiPolicy(),
    g.retentionPolicies(),
    g.legalHolds(),
    g.retentionRuns(),
  ]);
  return {
    piiPolicy,
    policies,
    holds: holds.map((h) => ({ ...h, placedAt: h.placedAt.toISOString() })),
    runs: runs.map((r) => ({ ...r, finishedAt: r.finishedAt.toISOString() })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireAdmin(context, request);
  const result = await handleRetentionForm(context.hub.governance, actor, await request.formData());
  return result.ok ? result : data(result, { status: 422 });
}

export const links: Route.LinksFunction = governanceLinks;
export const meta: Route.MetaFunction = () => [{ title: 'Retention and privacy · Heard' }];

export default function AdminRetention({ loaderData, actionData }: Route.ComponentProps) {
  const { piiPolicy, policies, holds, runs } = loaderData;
  const errors: Record<string, string> = actionData && !actionData.ok ? actionData.errors : {};
  const busy = useNavigation().state !== 'idle';
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" role="alert">
        {errors[name]}
      </p>
    ) : null;
  return (
    <section className="panel stack">
      <GovernanceNav />
      <h1>Retention and privacy</h1>
      {actionData?.ok && (
        <p className="notice" role="status">
          {actionData.message}
        </p>
      )}
      {error('form')}

      <h2>Personal data at intake</h2>
      <p className="muted">
        Every insight, from any source, is scanned when it is shared or edited. Masked data is replaced in the
        stored text; its original is kept aside only where you tick “keep original”, and only admins can read
        it.
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="pii-policy" />
        <table className="governance-table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>What happens</th>
              <th>Keep original (masked only)</th>
            </tr>
          </thead>
          <tbody>
            {PII_KINDS.map((kind) => (
              <tr key={kind}>
                <td>{PII_LABELS[kind]}</td>
                <td>
                  <select
                    name={`${kind}.action`}
                    defaultValue={piiPolicy[kind].action}
                    aria-label={`${PII_LABELS[kind]}: what happens`}
                  >
                    <option value="mask">Mask it</option>
                    <option value="flag">Keep it and flag it</option>
                    <option value="reject">Refuse the insight</option>
                  </select>
                  {error(`${kind}.action`)}
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`${kind}.keepOriginal`}
                    defaultChecked={piiPolicy[kind].keepOriginal}
                    aria-label={`${PII_LABELS[kind]}: keep original`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="button" disabled={busy}>
          Save intake policy
        </button>
      </Form>

      <h2>Retention policies</h2>
      <table className="governance-table">
        <thead>
          <tr>
            <th>Data</th>
            <th>Source</th>
            <th>Kept for</th>
            <th>Then</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.id}>
              <td>{RETENTION_LABELS[p.data]}</td>
              <td>{p.source ?? 'every source'}</td>
              <td>{p.keepDays.toLocaleString('en')} days</td>
              <td>{p.afterwards === 'anonymise' ? 'anonymised' : 'deleted'}</td>
              <td>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-policy" />
                  <input type="hidden" name="id" value={p.id} />
                  <button type="submit" className="link-button" disabled={busy}>
                    Remove
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" className="governance-filters">
        <input type="hidden" name="intent" value="policy" />
        <label>
          Data
          <select name="data" defaultValue="insight_text">
            {RETENTION_DATA.map((d) => (
              <option key={d} value={d}>
                {RETENTION_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue="">
            <option value="">Every source</option>
            {SOURCE_KINDS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Keep for (days)
          <input name="keepDays" type="number" min={1} max={36500} defaultValue={365} required />
        </label>
        <label>
          Then
          <select name="afterwards" defaultValue="anonymise">
            <option value="anonymise">anonymise</option>
            <option value="delete">delete</option>
          </select>
        </label>
        <button type="submit" className="button" disabled={busy}>
          Save policy
        </button>
      </Form>
      {error('data')}
      {error('source')}
      {error('keepDays')}
      {error('afterwards')}
      <p className="muted">
        Insight text is anonymised, never deleted, so the organisation keeps what was learnt. Today:{' '}
        {describeRetention(DATA_MAP[1]!, policies)}.
      </p>

      <h2>Legal holds</h2>
      <p className="muted">
        A hold suspends retention and erasure for a customer (and every insight about them) or one insight.
      </p>
      {holds.length === 0 ? (
        <p className="muted">No holds in place.</p>
      ) : (
        <ul>
          {holds.map((h) => (
            <li key={h.id}>
              {h.subjectType} <strong>{h.subjectName ?? h.subjectId}</strong> — {h.reason}{' '}
              <span className="muted">since {h.placedAt.slice(0, 10)}</span>
              <Form method="post" style={{ display: 'inline', marginLeft: '0.5rem' }}>
                <input type="hidden" name="intent" value="release" />
                <input type="hidden" name="id" value={h.id} />
                <button type="submit" className="link-button" disabled={busy}>
                  Release
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="governance-filters">
        <input type="hidden" name="intent" value="hold" />
        <label>
          On
          <select name="subjectType" defaultValue="customer">
            <option value="customer">a customer</option>
            <option value="insight">an insight</option>
          </select>
        </label>
        <label>
          Customer identifier, insight id or link
          <input name="subject" required aria-invalid={Boolean(errors.subject)} />
        </label>
        <label>
          Reason
          <input name="reason" required maxLength={500} aria-invalid={Boolean(errors.reason)} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Place hold
        </button>
      </Form>
      {error('subject')}
      {error('reason')}

      <h2>Runs</h2>
      <p className="muted">Retention runs every night at 03:00 UTC in the job worker.</p>
      <Form method="post">
        <input type="hidden" name="intent" value="run" />
        <button type="submit" className="button" disabled={busy}>
          Run retention now
        </button>
      </Form>
      <table className="governance-table">
        <thead>
          <tr>
            <th>Finished (UTC)</th>
            <th>What it did</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.finishedAt}>
              <td>{r.finishedAt.replace('T', ' ').slice(0, 19)}</td>
              <td>
                {r.items
                  .map(
                    (i) =>
                      `${RETENTION_LABELS[i.data]}${i.source ? ` (${i.source})` : ''}: ${i.affected} ${i.afterwards === 'anonymise' ? 'anonymised' : 'deleted'}${i.held ? `, ${i.held} held` : ''}`,
                  )
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
