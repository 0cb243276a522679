import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { LIMITS } from '../protocol/index.ts';

export interface ComposerTexts {
  composerLabel: string;
  composerHint: string;
  counter: (n: number, max: number) => string;
  send: string;
}

/** One choice of a composer's picker: `text` replaces the draft, to edit before sending. */
export interface PickerOption {
  id: string;
  label: string;
  /** Shown under the label, e.g. the start of the text or its language. */
  detail?: string;
  text: string;
}

/**
 * A list of texts to insert, opened by what the draft starts with (e.g. `/`), as an ARIA combobox:
 * arrow keys move, Enter inserts, Escape closes.
 */
export interface ComposerPicker {
  /** The options for this draft, or null when the draft does not open the picker. */
  optionsFor: (draft: string) => PickerOption[] | null;
  texts: { listLabel: string; none: string; hint: string };
}

export interface ComposerProps {
  texts: ComposerTexts;
  /** Sends the text; true when the session took it, and the field empties. */
  onSend: (text: string) => boolean;
  initialText?: string;
  /** Every change of the text, e.g. to keep a draft while the composer is unmounted. */
  onTextChange?: (text: string) => void;
  picker?: ComposerPicker;
}

/** Enter sends, Shift+Enter starts a new line; the counter shows what is left of the limit. */
export function Composer({ texts, onSend, initialText = '', onTextChange, picker }: ComposerProps) {
  const [text, setTextState] = useState(initialText);
  const [active, setActive] = useState(0);
  /** The draft the picker was closed for (Escape, or an insertion): it reopens once the draft changes. */
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const listId = useId();
  const setText = (value: string) => {
    setTextState(value);
    setActive(0);
    onTextChange?.(value);
  };
  const max = LIMITS.messageTextMaxChars;
  const options = picker && closedFor !== text ? picker.optionsFor(text) : null;
  const open = options !== null;
  const current = options?.[Math.min(active, options.length - 1)];

  const submit = () => {
    if (onSend(text)) setText('');
  };
  const insert = (option: PickerOption) => {
    setText(option.text);
    setClosedFor(option.text);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && options) {
      const n = options.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (n > 0) setActive((i) => (Math.min(i, n - 1) + (event.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setClosedFor(text);
        return;
      }
      if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
        event.preventDefault();
        if (current) insert(current);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const optionId = (i: number) => `${listId}-option-${i}`;
  const activeIndex = current && options ? options.indexOf(current) : -1;
  const combobox = picker
    ? {
        role: 'combobox',
        'aria-expanded': open,
        'aria-controls': listId,
        'aria-autocomplete': 'list' as const,
        ...(activeIndex >= 0 ? { 'aria-activedescendant': optionId(activeIndex) } : {}),
      }
    : {};

  return (
    <form className={`ic-composer`} onSubmit={onSubmit}>
      <label htmlFor={`ic-composer-text`} className={`ic-label`}>
        {texts.composerLabel}
      </label>
      <textarea
        id={`ic-composer-text`}
        className={`ic-input`}
        rows={3}
        value={text}
        maxLength={max}
        aria-describedby={`ic-composer-hint ic-composer-count`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        {...combobox}
      />
      {picker && (
        <div
          id={listId}
          role="listbox"
          aria-label={picker.texts.listLabel}
          className="ic-picker"
          hidden={!open || options.length === 0}
        >
          {options?.map((o, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: the field keeps the focus; the active option is its aria-activedescendant
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works from the field (arrows, Enter, Escape)
            <div
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={`ic-picker-option${i === activeIndex ? ' ic-picker-active' : ''}`}
              // Keeps the focus in the field: the choice is made, the advisor carries on typing.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(o)}
            >
              <span className="ic-strong">{o.label}</span>
              {o.detail && <span className="ic-muted ic-picker-detail"> {o.detail}</span>}
            </div>
          ))}
        </div>
      )}
      {open && options?.length === 0 && (
        <p className="ic-muted ic-hint" role="status">
          {picker?.texts.none}
        </p>
      )}
      <div className="ic-composer-foot">
        <span id={`ic-composer-hint`} className={`ic-muted ic-hint`}>
          {texts.composerHint}
          {picker ? ` ${picker.texts.hint}` : ''}
        </span>
        <span id={`ic-composer-count`} className={`ic-muted ic-hint`}>
          {texts.counter(text.length, max)}
        </span>
        <button type="submit" className={`ic-button`} disabled={text.trim() === ''}>
          {texts.send}
        </button>
      </div>
    </form>
  );
}
