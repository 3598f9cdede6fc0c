import { ACCEPTED_MEDIA } from '@heard/domain';
import { Form, useNavigation } from 'react-router';

interface AttachmentView {
  id: string;
  fileName: string;
  kind: 'image' | 'video';
  url: string;
}

/** Pictures as thumbnails that open full size, videos playable in place; a form to add more. */
export function InsightAttachments(props: {
  attachments: AttachmentView[];
  canAttach: boolean;
  error: string | undefined;
  added: number;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'attach';
  if (props.attachments.length === 0 && !props.canAttach) return null;
  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Pictures and video</h2>
      {props.added > 0 && (
        <p className="notice" role="status">
          {props.added === 1 ? '1 file added.' : `${props.added} files added.`}
        </p>
      )}
      {props.attachments.length > 0 && (
        <ul className="attachment-grid">
          {props.attachments.map((a) => (
            <li key={a.id}>
              {a.kind === 'image' ? (
                <a href={a.url} target="_blank" rel="noreferrer">
                  <img src={`${a.url}?thumb`} alt={a.fileName} loading="lazy" />
                </a>
              ) : (
                // biome-ignore lint/a11y/useMediaCaption: recordings people share have no caption track
                <video src={a.url} controls preload="metadata" aria-label={a.fileName} />
              )}
              <span className="muted attachment-name">{a.fileName}</span>
            </li>
          ))}
        </ul>
      )}
      {props.canAttach && (
        <Form method="post" encType="multipart/form-data" className="row attach-form">
          <input type="hidden" name="intent" value="attach" />
          <label>
            Add pictures or video <span className="muted">({ACCEPTED_MEDIA})</span>
            <input
              type="file"
              name="attachments"
              multiple
              accept="image/png,image/jpeg,image/gif,image/webp,video/mp4,video/quicktime,video/webm"
              aria-invalid={Boolean(props.error)}
              aria-describedby={props.error ? 'attach-error' : undefined}
            />
          </label>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload'}
          </button>
          {props.error && (
            <p className="field-error" id="attach-error" role="alert">
              {props.error}
            </p>
          )}
        </Form>
      )}
    </section>
  );
}
