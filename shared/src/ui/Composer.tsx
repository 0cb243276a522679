import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { LIMITS } from '../protocol/index.ts';

export interface ComposerTexts {
  composerLabel: string;
  composerHint: string;
  counter: (n: number, max: number) => string;
  send: string;
}

export interface ComposerProps {
  /** The app's class and id prefix (`icw` for the widget, `icc` for the console). */
  prefix: string;
  texts: ComposerTexts;
  /** Sends the text; true when the session took it, and the field empties. */
  onSend: (text: string) => boolean;
  initialText?: string;
  /** Every change of the text, e.g. to keep a draft while the composer is unmounted. */
  onTextChange?: (text: string) => void;
}

/** Enter sends, Shift+Enter starts a new line; the counter shows what is left of the limit. */
export function Composer({ prefix, texts, onSend, initialText = '', onTextChange }: ComposerProps) {
  const [text, setTextState] = useState(initialText);
  const setText = (value: string) => {
    setTextState(value);
    onTextChange?.(value);
  };
  const max = LIMITS.messageTextMaxChars;

  const submit = () => {
    if (onSend(text)) setText('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className={`${prefix}-composer`} onSubmit={onSubmit}>
      <label htmlFor={`${prefix}-composer-text`} className={`${prefix}-label`}>
        {texts.composerLabel}
      </label>
      <textarea
        id={`${prefix}-composer-text`}
        className={`${prefix}-input`}
        rows={3}
        value={text}
        maxLength={max}
        aria-describedby={`${prefix}-composer-hint ${prefix}-composer-count`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="ic-composer-foot">
        <span id={`${prefix}-composer-hint`} className={`${prefix}-muted ${prefix}-hint`}>
          {texts.composerHint}
        </span>
        <span id={`${prefix}-composer-count`} className={`${prefix}-muted ${prefix}-hint`}>
          {texts.counter(text.length, max)}
        </span>
        <button type="submit" className={`${prefix}-button`} disabled={text.trim() === ''}>
          {texts.send}
        </button>
      </div>
    </form>
  );
}
