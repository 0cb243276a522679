import { describe, expect, it } from 'vitest';
import { TYPING_SHOWN_MS, TypingSignal, typingUntil } from '../src/client/typing.ts';

function signal() {
  let now = 0;
  const sent: boolean[] = [];
  const typing = new TypingSignal(
    (t) => sent.push(t),
    () => now,
    3_000,
  );
  return { typing, sent, at: (ms: number) => (now = ms) };
}

describe('typing signal', () => {
  it('says "typing" at the first keystroke, then at most every interval while typing goes on', () => {
    const { typing, sent, at } = signal();
    typing.changed('B');
    at(1_000);
    typing.changed('Bu');
    at(2_999);
    typing.changed('Buo');
    expect(sent).toEqual([true]);
    at(3_000);
    typing.changed('Buon');
    expect(sent).toEqual([true, true]);
  });

  it('says "stopped" once when the draft is sent or emptied, and starts afresh after', () => {
    const { typing, sent, at } = signal();
    typing.stopped();
    typing.changed('   ');
    expect(sent).toEqual([]);
    typing.changed('Ciao');
    at(500);
    typing.changed('');
    typing.stopped();
    expect(sent).toEqual([true, false]);
    at(600);
    typing.changed('Di nuovo');
    expect(sent).toEqual([true, false, true]);
  });
});

describe('typing shown', () => {
  it('shows the other side typing for a while after their signal, and not after they stop', () => {
    expect(typingUntil(true, 1_000)).toBe(1_000 + TYPING_SHOWN_MS);
    expect(typingUntil(false, 1_000)).toBeNull();
  });
});
