import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { LIMITS } from '../protocol/index.ts';

export interface ComposerTexts {
  composerLabel: string;
  composerHint: string;
  counter: (n: number, max: number) => string;
  send: string;
}

export interface ComposerProps {
  texts: ComposerTexts;
  /** Sends the text; true when the session took it, and the field empties. */
  onSend: (text: string) => boolean;
  initialText?: string;
  /** Every change of the text, e.g. to keep a draft while the composer is unmounted. */
  onTextChange?: (text: string) => void;
}

/** Enter sends, Shift+Enter starts a new line; the counter shows what is left of the limit. */
export function Composer({ texts, onSend, initialText = '', onTextChange }: ComposerProps) {
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
      />
      <div className="ic-composer-foot">
        <span id={`ic-composer-hint`} className={`ic-muted ic-hint`}>
          {texts.composerHint}
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
