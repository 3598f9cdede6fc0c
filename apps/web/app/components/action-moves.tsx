import { Form } from 'react-router';

const LABELS: Record<string, string> = {
  open: 'Reopen',
  in_progress: 'Start',
  done: 'Done',
  wont_do: "Won't do",
};
const NEXT: Record<string, string[]> = {
  open: ['in_progress', 'done', 'wont_do'],
  in_progress: ['done', 'wont_do', 'open'],
  done: ['in_progress'],
  wont_do: ['open'],
};

/** Buttons that move an action along, posting to the page they sit on. */
export function ActionMoves({ actionId, status }: { actionId: string; status: string }) {
  return (
    <Form method="post" className="moves">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="actionId" value={actionId} />
      {(NEXT[status] ?? []).map((to) => (
        <button key={to} type="submit" name="status" value={to} className="button small">
          {LABELS[to]}
        </button>
      ))}
    </Form>
  );
}

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};
