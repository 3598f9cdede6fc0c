import { Form, Link } from 'react-router';
import { timeAgo } from '../lib/format';

interface HistoryView {
  at: string;
  who: string;
  summary: string;
  relatedInsightId: string | null;
}

/** Who changed what, newest first; folded away so it does not crowd the insight. */
export function InsightHistory({ history, now }: { history: HistoryView[]; now: string }) {
  if (history.length === 0) return null;
  const today = new Date(now);
  return (
    <details className="history">
      <summary>
        <h2>History</h2>{' '}
        <span className="muted">{`· ${history.length} ${history.length === 1 ? 'change' : 'changes'}`}</span>
      </summary>
      <ol className="history-list">
        {history.map((h, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never reorder
          <li key={index}>
            <time dateTime={h.at} title={new Date(h.at).toUTCString()}>
              {timeAgo(h.at, today)}
            </time>{' '}
            <strong>{h.who}</strong> {h.summary}
            {h.relatedInsightId && (
              <>
                {' '}
                (<Link to={`/insights/${h.relatedInsightId}`}>see it</Link>)
              </>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

interface MergedView {
  mergeId: string;
  duplicateId: string;
  title: string;
  mergedAt: string;
}

/** Duplicates folded into this insight; curators may put each back. */
export function MergedHere(props: { merged: MergedView[]; canCurate: boolean; error: string | undefined }) {
  return (
    <>
      {props.merged.length > 0 && (
        <section className="merged-here" aria-labelledby="merged-title">
          <h2 id="merged-title">Duplicates merged into this insight</h2>
          {props.error && (
            <p className="form-error" role="alert">
              {props.error}
            </p>
          )}
          <ul>
            {props.merged.map((m) => (
              <li key={m.mergeId} className="row">
                <span>{`“${m.title}”`}</span>
                {props.canCurate && (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="undo-merge" />
                    <input type="hidden" name="mergeId" value={m.mergeId} />
                    <button type="submit" className="button small">
                      Undo merge
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
