import type { Language } from '@infocig/shared';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { WidgetTexts } from '../i18n/index.ts';
import type { VisitorState } from './state.ts';
import type { VisitorSession } from './visitor-session.ts';

export interface WidgetContextValue {
  session: VisitorSession;
  lang: Language;
  setLang: (lang: Language) => void;
  t: WidgetTexts;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

/** The widget's language, texts and session, for any component inside `<Widget>`. */
export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget must be used inside <Widget>');
  return value;
}

/** The session's state, re-rendering on change, and the session itself for its commands. */
export function useVisitorSession(): { state: VisitorState; session: VisitorSession } {
  const { session } = useWidget();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { state, session };
}
