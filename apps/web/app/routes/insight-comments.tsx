import { Form, useNavigation } from 'react-router';
import { initials, timeAgo } from '../lib/format';

interface CommentView {
  id: string;
  author: string;
  html: string;
  createdAt: string;
}

/** The conversation under an insight, oldest first, and a box to add to it. */
export function InsightComments(props: {
  comments: CommentView[];
  now: string;
  error: string | undefined;
  typed: string | undefined;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'comment';
  const now = new Date(props.now);
  return (
    <section className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        Comments <span className="muted">· {props.comments.length}</span>
      </h2>
      {props.comments.length === 0 ? (
        <p className="muted">No comments yet. Ask a question or add what you heard.</p>
      ) : (
        <ol className="comment-list">
          {props.comments.map((c) => (
            <li key={c.id} id={`comment-${c.id}`} className="comment">
              <span className="avatar small" aria-hidden="true">
                {initials(c.author)}
              </span>
              <div>
                <p className="comment-meta">
                  <strong>{c.author}</strong>{' '}
                  <time className="muted" dateTime={c.createdAt}>
                    {timeAgo(c.createdAt, now)}
                  </time>
                </p>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderMarkdown */}
                <div className="prose" dangerouslySetInnerHTML={{ __html: c.html }} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {/* A new key after each comment empties the box; after a refusal the typed text stays. */}
      <Form method="post" className="stack comment-form" key={props.comments.length} noValidate>
        <input type="hidden" name="intent" value="comment" />
        <label>
          Add a comment
          <textarea
            name="body"
            rows={3}
            defaultValue={props.typed ?? ''}
            aria-invalid={Boolean(props.error)}
            aria-describedby={props.error ? 'comment-error' : undefined}
            placeholder="Markdown works. The person who shared this will see it."
          />
        </label>
        {props.error && (
          <p className="field-error" id="comment-error" role="alert">
            {props.error}
          </p>
        )}
        <div className="row end">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Posting…' : 'Comment'}
          </button>
        </div>
      </Form>
    </section>
  );
}
