import { Link } from 'react-router';

/** “An email address”, “A phone number”. */
const article = (label: string) => (/^[aeiou]/i.test(label) ? 'An' : 'A');

interface Props {
  insightId: string;
  privacy: {
    isReporter: boolean;
    findings: {
      id: string;
      field: string;
      label: string;
      action: string;
      shown: string;
      reason: string;
      hasOriginal: boolean;
    }[];
    originals: { id: string; label: string; shown: string; original: string }[] | null;
    readers: {
      rule: string;
      excludedCount: number;
      people: { id: string; name: string; why: string }[];
    } | null;
  } | null;
}

/** What Heard masked in this insight and why; for admins, the originals on request and who may read it. */
export function InsightPrivacy({ insightId, privacy }: Props) {
  if (!privacy) return null;
  const { findings, originals, readers } = privacy;
  const kept = findings.some((f) => f.hasOriginal);
  return (
    <>
      {findings.length > 0 && (
        <aside className="privacy-notice" aria-label="Personal data in this insight">
          <strong>
            {privacy.isReporter
              ? 'We protected personal data in what you shared'
              : 'Personal data found at intake'}
          </strong>
          <ul>
            {findings.map((f) => (
              <li key={f.id}>
                {f.action === 'masked' ? (
                  <>
                    {article(f.label)} {f.label} in the {f.field} was replaced by <code>{f.shown}</code>
                    {f.hasOriginal ? ' (the original is kept aside for admins only)' : ' (not kept anywhere)'}
                    .
                  </>
                ) : (
                  <>
                    {article(f.label)} {f.label} in the {f.field} was kept as written and flagged:{' '}
                    <code>{f.shown}</code>.
                  </>
                )}{' '}
                <span className="muted">{f.reason}</span>
              </li>
            ))}
          </ul>
          {readers && kept && !originals && (
            <p>
              <Link to={`/insights/${insightId}?reveal=pii`}>Show the originals</Link>{' '}
              <span className="muted">(your reading is recorded in the audit log)</span>
            </p>
          )}
          {originals && (
            <>
              <p>
                <strong>Originals kept aside</strong> (this reading is in the audit log):
              </p>
              <ul aria-label="Originals kept aside">
                {originals.map((o) => (
                  <li key={o.id}>
                    {o.label}: <code>{o.original}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </aside>
      )}
      {readers && (
        <details className="readers">
          <summary>
            Who may read this and why ({readers.people.length} people; {readers.excludedCount} may not)
          </summary>
          <p>{readers.rule}</p>
          <ul>
            {readers.people.map((p) => (
              <li key={p.id}>
                {p.name} <span className="reason">— {p.why}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
