import type { AccessLogEntry } from '@infocig/shared';
import { announce, type UiError } from '@infocig/shared/client';
import type { VisitorState } from './state.ts';

/** Pure state changes for "who has seen my data", loaded only when the person opens it. */

export function applyAccessLogLoading(s: VisitorState): VisitorState {
  return { ...s, accessLog: { ...s.accessLog, loading: true, error: null } };
}

export function applyAccessLog(s: VisitorState, entries: AccessLogEntry[]): VisitorState {
  return announce(
    { ...s, accessLog: { entries, loading: false, error: null } },
    { kind: 'access-log', count: entries.length },
  );
}

/** What was shown before stays: an older list is better than none. */
export function applyAccessLogFailed(s: VisitorState, error: UiError): VisitorState {
  return { ...s, accessLog: { ...s.accessLog, loading: false, error } };
}
