import { describe, expect, it } from 'vitest';
import { applyReady } from '../src/session/reducers.ts';
import {
  applyFollowUpAnswered,
  applyFollowUpError,
  applyFollowUps,
} from '../src/session/reducers-followups.ts';
import { initialConsoleState } from '../src/session/state.ts';
import { events, followUp, ready } from './support/fixtures.ts';

describe('console state: follow-ups', () => {
  it('lists open follow-ups, drops one once answered and announces it, keeps the list on an error', () => {
    let s = applyFollowUps(applyReady(initialConsoleState, ready([])), [
      followUp('a', 'Mario Rossi'),
      followUp('b', 'Anna'),
    ]);
    s = applyFollowUpAnswered(s, { ...followUp('a', 'Mario Rossi'), status: 'answered', answer: 'Sì.' });
    expect(s.followUps?.list.map((f) => f.id)).toEqual(['b']);
    expect(events(s).at(-1)).toEqual({ kind: 'followup-answered', visitorName: 'Mario Rossi' });
    s = applyFollowUpError(s, { code: 'FOLLOWUP_NOT_FOUND', message: '' });
    expect(s.followUps).toMatchObject({ list: [{ id: 'b' }], error: { code: 'FOLLOWUP_NOT_FOUND' } });
    expect(applyFollowUps(s, []).followUps).toEqual({ list: [], error: null });
  });
});
