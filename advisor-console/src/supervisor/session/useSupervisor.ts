import type { Language } from '@infocig/shared';
import { createContext, use, useSyncExternalStore } from 'react';
import type { ConsoleTexts } from '../../i18n/index.ts';
import type { SupervisorApi } from '../api.ts';
import type { SupervisorTexts } from '../texts.ts';
import type { SupervisorSession, SupervisorState } from './supervisor-session.ts';

export interface SupervisorContextValue {
  session: SupervisorSession;
  api: SupervisorApi;
  lang: Language;
  /** The supervisor area's own texts. */
  t: SupervisorTexts;
  /** The console's shared texts: connection states and error codes. */
  base: ConsoleTexts;
}

export const SupervisorContext = createContext<SupervisorContextValue | null>(null);

export function useSupervisor(): SupervisorContextValue {
  const value = use(SupervisorContext);
  if (!value) throw new Error('useSupervisor outside the supervisor area');
  return value;
}

export function useSupervisorState(): SupervisorState {
  const { session } = useSupervisor();
  return useSyncExternalStore(session.subscribe, session.getState);
}
