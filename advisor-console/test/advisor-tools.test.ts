import type { CannedReply, ClaimSummary } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import { isOwnMessage } from '../src/session/authorship.ts';
import {
  claimFields,
  fillPlaceholders,
  filterReplies,
  slashQuery,
  subjectClaim,
  UNKNOWN_FIELD,
} from '../src/session/canned.ts';
import { applyNote } from '../src/session/reducers.ts';
import { initialConsoleState } from '../src/session/state.ts';
import { conversation, ids } from './support/fixtures.ts';

const claim: ClaimSummary = {
  applicationId: 'INPS-2026-0001',
  benefitType: 'CIGO',
  companyName: 'Tessitura Sabauda S.p.A.',
  matricola: '0119902694',
  periodFrom: '2026-03-02',
  periodTo: '2026-04-12',
  status: 'IN_ISTRUTTORIA',
  statusSince: '2026-03-20',
  protocolNumber: null,
  inpsOffice: 'INPS Torino Nord',
  inpsOfficeCode: '0011',
  workersCovered: 32,
  payments: [],
  guidance: {
    it: 'La sede sta esaminando la domanda.',
    en: 'The office is reviewing it.',
    nextActor: 'inps',
    actBy: null,
  },
  estimate: {
    from: '2026-12-03',
    to: '2026-12-19',
    confidence: 'medium',
    sampleSize: 46,
    basis: { it: 'Tempi recenti', en: 'Recent times' },
  },
};

describe('whose message is whose', () => {
  const self = { advisorId: 'pub-me', name: 'Anna Russo' };
  const stored = { author: 'advisor' as const, authorName: 'Anna Russo', seq: 3 };

  it('only this advisor’s messages are "you": a colleague’s is told apart by its opaque id', () => {
    expect(isOwnMessage({ ...stored, authorId: 'pub-me' }, self)).toBe(true);
    expect(isOwnMessage({ ...stored, authorId: 'pub-colleague', authorName: 'Marco Gallo' }, self)).toBe(
      false,
    );
    // Same name, another advisor: the id decides.
    expect(isOwnMessage({ ...stored, authorId: 'pub-colleague' }, self)).toBe(false);
    expect(isOwnMessage({ ...stored, author: 'visitor', authorId: undefined }, self)).toBe(false);
  });

  it('a reply still being sent is ours; one stored without an id is ours only by name', () => {
    expect(isOwnMessage({ ...stored, seq: null, authorId: undefined }, self)).toBe(true);
    expect(isOwnMessage({ ...stored, authorId: undefined }, self)).toBe(true);
    expect(isOwnMessage({ ...stored, authorId: undefined, authorName: 'Marco Gallo' }, self)).toBe(false);
  });
});

describe('canned replies', () => {
  it('fills the claim’s fields in the reply’s language, and shows an unknown one as [?]', () => {
    const it_ = claimFields(claim, 'it');
    expect(
      fillPlaceholders(
        'Domanda {stato}, pagamento {finestra_pagamento}. {prossimo_passo} Sede: {sede}.',
        it_,
      ),
    ).toBe(
      'Domanda in istruttoria, pagamento tra il 3 dicembre 2026 e il 19 dicembre 2026. La sede sta esaminando la domanda. Sede: INPS Torino Nord.',
    );
    expect(fillPlaceholders('Payment {finestra_pagamento}', claimFields(claim, 'en'))).toBe(
      'Payment between 3 December 2026 and 19 December 2026',
    );
    // A window on the published averages alone is filled as the rough guide it is.
    const rough = { ...claim, estimate: { ...claim.estimate!, confidence: 'low' as const } };
    expect(fillPlaceholders('Payment {finestra_pagamento}', claimFields(rough, 'en'))).toBe(
      'Payment between 3 December 2026 and 19 December 2026 (a rough guide, from the published average times)',
    );
    const unknown = claimFields({ ...claim, estimate: null }, 'it');
    expect(fillPlaceholders('Finestra: {finestra_pagamento}; {sede}', unknown)).toBe(
      `Finestra: ${UNKNOWN_FIELD}; INPS Torino Nord`,
    );
    expect(fillPlaceholders('{stato} {sede}', claimFields(null, 'it'))).toBe('[?] [?]');
    // Braces that are not a placeholder stay as written.
    expect(fillPlaceholders('{altro} {stato}', it_)).toBe('{altro} in istruttoria');
  });

  it('takes the named application, else the only claim; none when unclear', () => {
    const other = { ...claim, applicationId: 'INPS-2026-0002' };
    expect(subjectClaim({ claims: [claim, other], subject: { applicationId: 'INPS-2026-0002' } })).toBe(
      other,
    );
    expect(subjectClaim({ claims: [claim], subject: {} })).toBe(claim);
    expect(subjectClaim({ claims: [claim, other], subject: {} })).toBeNull();
  });

  const reply = (id: string, lang: 'it' | 'en', title: string, text = ''): CannedReply => ({
    id,
    lang,
    title,
    text,
    shared: true,
  });
  const replies = [
    reply('1', 'en', 'Payment window', 'Your payment is expected {finestra_pagamento}.'),
    reply('2', 'it', 'Finestra di pagamento', 'Il pagamento è atteso {finestra_pagamento}.'),
    reply('3', 'it', 'Saluto', 'Buongiorno, sono il suo consulente.'),
    reply('4', 'it', 'Perché è già così?', 'Stato: {stato}'),
  ];

  it('filters by every word, in title or text, ignoring case and accents; the console’s language first', () => {
    expect(filterReplies(replies, '', 'it').map((r) => r.id)).toEqual(['2', '3', '4', '1']);
    expect(filterReplies(replies, 'pagam', 'it').map((r) => r.id)).toEqual(['2']);
    expect(filterReplies(replies, 'PAYMENT', 'en').map((r) => r.id)).toEqual(['1']);
    expect(filterReplies(replies, 'perche gia', 'it').map((r) => r.id)).toEqual(['4']);
    expect(filterReplies(replies, 'finestra atteso', 'en').map((r) => r.id)).toEqual(['2']);
    expect(filterReplies(replies, 'nulla', 'it')).toEqual([]);
  });

  it('opens the picker only for a `/` at the very start of a one-line draft', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/pag')).toBe('pag');
    expect(slashQuery('Vedi /pag')).toBeNull();
    expect(slashQuery('/pag\naltro')).toBeNull();
  });
});

describe('internal notes', () => {
  it('a note added joins the chat’s notes, after the ones there', () => {
    const c = conversation(ids[0], 'Luca Ferrari');
    const first = { authorName: 'Anna Russo', text: 'Prima', at: '2026-12-07T10:00:00.000Z' };
    const s0 = { ...initialConsoleState, chats: [] as typeof initialConsoleState.chats };
    const withChat = {
      ...s0,
      chats: [
        {
          conversation: { ...c, notes: [first] },
          messages: [],
          unread: 0,
          closedBy: null,
          closeReason: null,
          typingUntil: null,
        },
      ],
    };
    const note = { authorName: 'Anna Russo', text: 'Seconda', at: '2026-12-07T10:05:00.000Z' };
    const next = applyNote(withChat, ids[0], note);
    expect(next.chats[0]?.conversation.notes).toEqual([first, note]);
    expect(applyNote(withChat, ids[1], note)).toEqual(withChat);
  });
});
