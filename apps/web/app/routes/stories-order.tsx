import { useEffect, useState } from 'react';
import { useFetcher } from 'react-router';
import { StoryEntry, type StoryView } from '../components/story-card';

/**
 * A collection's stories in the curator's order. Curators drag a story to a new place,
 * or use the Earlier and Later buttons (keyboard and no-JavaScript friendly); each move is saved
 * at once through the stories page's action.
 */
export function OrderedCollection(props: {
  collectionId: string;
  stories: StoryView[];
  canReorder: boolean;
}) {
  const fetcher = useFetcher();
  const [order, setOrder] = useState(props.stories);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The server's order wins once it answers (after a save, or another curator's).
  useEffect(() => setOrder(props.stories), [props.stories]);
  const ids = order.map((s) => s.insightId);
  const save = (next: StoryView[], moved: StoryView) => {
    setOrder(next);
    setAnnouncement(`“${moved.headline}” is now number ${next.indexOf(moved) + 1} of ${next.length}.`);
    // A FormData, not an object: an object's array would arrive as one comma-joined value.
    const form = new FormData();
    form.set('intent', 'reorder');
    form.set('collectionId', props.collectionId);
    for (const story of next) form.append('insightIds', story.insightId);
    fetcher.submit(form, { method: 'post', action: '/stories' });
  };
  const dropOn = (target: string) => {
    if (!dragging || dragging === target) return;
    const moved = order.find((s) => s.insightId === dragging)!;
    const rest = order.filter((s) => s.insightId !== dragging);
    rest.splice(
      rest.findIndex((s) => s.insightId === target),
      0,
      moved,
    );
    save(rest, moved);
  };
  const error = (fetcher.data as { error?: string } | undefined)?.error;
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ol className="collection-list">
        {order.map((s, index) => (
          <li
            key={s.insightId}
            draggable={props.canReorder}
            className={
              props.canReorder ? `orderable${dragging === s.insightId ? ' dragging' : ''}` : undefined
            }
            onDragStart={(e) => {
              setDragging(s.insightId);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', s.insightId);
            }}
            onDragOver={(e) => {
              if (dragging) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              dropOn(s.insightId);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
          >
            <StoryEntry story={s} position={index + 1} />
            {props.canReorder && (
              <fetcher.Form method="post" action="/stories" className="order-buttons">
                <input type="hidden" name="collectionId" value={props.collectionId} />
                <input type="hidden" name="insightId" value={s.insightId} />
                {ids.map((id) => (
                  <input key={id} type="hidden" name="insightIds" value={id} />
                ))}
                <button
                  type="submit"
                  name="intent"
                  value="up"
                  className="button small"
                  disabled={index === 0}
                  aria-label={`Move “${s.headline}” earlier`}
                  onClick={(e) => {
                    e.preventDefault();
                    const next = [...order];
                    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
                    save(next, s);
                  }}
                >
                  ← Earlier
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="down"
                  className="button small"
                  disabled={index === order.length - 1}
                  aria-label={`Move “${s.headline}” later`}
                  onClick={(e) => {
                    e.preventDefault();
                    const next = [...order];
                    [next[index + 1], next[index]] = [next[index]!, next[index + 1]!];
                    save(next, s);
                  }}
                >
                  Later →
                </button>
              </fetcher.Form>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
