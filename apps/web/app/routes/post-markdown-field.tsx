import { MAX_BODY_LENGTH } from '@heard/domain';
import { useState } from 'react';
import { useFetcher } from 'react-router';
import type { action as previewAction } from './markdown-preview';

/**
 * The insight's text with Write / Preview tabs. The preview comes from the server
 * (same markdown, same sanitiser as the insight page); without JavaScript the
 * Preview button submits the form, which answers with the preview and keeps the text.
 */
export function MarkdownField(props: {
  initialText: string;
  error?: string;
  /** The server-rendered preview after a Preview submit without JavaScript. */
  serverPreview?: string | null;
  onTextChange(text: string): void;
}) {
  const [text, setText] = useState(props.initialText);
  const [tab, setTab] = useState<'write' | 'preview'>(props.serverPreview != null ? 'preview' : 'write');
  const preview = useFetcher<typeof previewAction>();
  const html = preview.data?.html ?? props.serverPreview ?? '';
  const showPreview = () => {
    setTab('preview');
    preview.submit({ body: text }, { method: 'post', action: '/markdown-preview' });
  };
  return (
    <div className="markdown-field">
      <div className="tabs" role="tablist" aria-label="Write or preview the text">
        <button
          type="submit"
          name="intent"
          value="write"
          role="tab"
          id="tab-write"
          aria-selected={tab === 'write'}
          aria-controls="panel-write"
          className="tab"
          onClick={(e) => {
            e.preventDefault();
            setTab('write');
          }}
        >
          Write
        </button>
        <button
          type="submit"
          name="intent"
          value="preview"
          role="tab"
          id="tab-preview"
          aria-selected={tab === 'preview'}
          aria-controls="panel-preview"
          className="tab"
          onClick={(e) => {
            e.preventDefault();
            showPreview();
          }}
        >
          Preview
        </button>
      </div>
      <div id="panel-write" role="tabpanel" aria-labelledby="tab-write" hidden={tab !== 'write'}>
        <label>
          What did you hear?
          <textarea
            name="body"
            rows={7}
            value={text}
            aria-invalid={Boolean(props.error)}
            aria-describedby="body-error body-count"
            placeholder={
              'e.g. Anna at Acme was charged twice after upgrading mid-month.\n\n> "We only found out from our bank."'
            }
            onChange={(e) => {
              setText(e.currentTarget.value);
              props.onTextChange(e.currentTarget.value);
            }}
          />
        </label>
        <span id="body-count" className={`hint ${text.length > MAX_BODY_LENGTH ? 'over' : ''}`}>
          Markdown works. {text.length.toLocaleString('en')} / {MAX_BODY_LENGTH.toLocaleString('en')}
        </span>
      </div>
      <div
        id="panel-preview"
        role="tabpanel"
        aria-labelledby="tab-preview"
        aria-busy={preview.state !== 'idle'}
        hidden={tab !== 'preview'}
        className="preview"
      >
        {html ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderMarkdown
          <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="muted">{preview.state !== 'idle' ? 'Rendering…' : 'Nothing to preview yet.'}</p>
        )}
      </div>
    </div>
  );
}
