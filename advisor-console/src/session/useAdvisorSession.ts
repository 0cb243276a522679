import type { Language } from '@infocig/shared';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConsoleTexts } from '../i18n/index.ts';
import type { AdvisorSession } from './advisor-session.ts';
import type { ConsoleState } from './state.ts';

export interface ConsoleContextValue {
  session: AdvisorSession;
  lang: Language;
  t: ConsoleTexts;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole must be used inside <ConsoleContext>');
  return value;
}

/** The session's state, re-rendering on change, and the session itself for its commands. */
export function useAdvisorSession(): { state: ConsoleState; session: AdvisorSession } {
  const { session } = useConsole();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { state, session };
}
