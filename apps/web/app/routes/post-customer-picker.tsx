import { useEffect, useId, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import type { loader as suggestLoader } from './customer-suggest';

interface Picked {
  id: string;
  name: string;
}

/**
 * A combobox over customers (ARIA 1.2 pattern): type a name or an identifier, pick
 * with the arrow keys and Enter or with the mouse. The text field is a plain input
 * named `customer`, so without JavaScript the server resolves what was typed.
 */
export function CustomerPicker(props: { initialText: string; initialId: string; error?: string }) {
  const listId = useId();
  const [text, setText] = useState(props.initialText);
  const [picked, setPicked] = useState<Picked | null>(
    props.initialId ? { id: props.initialId, name: props.initialText } : null,
  );
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const fetcher = useFetcher<typeof suggestLoader>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const options = open ? (fetcher.data?.customers ?? []) : [];
  const choose = (option: Picked) => {
    setPicked(option);
    setText(option.name);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  return (
    <div className="combobox">
      <label htmlFor={`${listId}-input`}>Customer</label>
      <input
        id={`${listId}-input`}
        name="customer"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={`${listId}-list`}
        aria-activedescendant={active >= 0 && options[active] ? `${listId}-${options[active].id}` : undefined}
        aria-invalid={Boolean(props.error)}
        aria-describedby={props.error ? 'customer-error' : `${listId}-hint`}
        placeholder="Name, CRM number or email"
        value={text}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          setPicked(null);
          setActive(-1);
          setOpen(true);
          clearTimeout(timer.current);
          if (value.trim()) {
            timer.current = setTimeout(
              () => fetcher.load(`/customer-suggest?q=${encodeURIComponent(value)}`),
              150,
            );
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <input type="hidden" name="customerId" value={picked?.id ?? ''} />
      <div
        id={`${listId}-list`}
        role="listbox"
        aria-label="Matching customers"
        className="combobox-list"
        hidden={options.length === 0}
      >
        {options.map((c, index) => (
          <div
            key={c.id}
            tabIndex={-1}
            id={`${listId}-${c.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c);
            }}
          >
            <strong>{c.name}</strong>
            <span className="muted">{[c.segment, c.identifier].filter(Boolean).join(' · ')}</span>
          </div>
        ))}
      </div>
      <span id={`${listId}-hint`} className="hint">
        {picked ? `Picked: ${picked.name}` : 'Leave empty if it is not about one customer.'}
      </span>
    </div>
  );
}
