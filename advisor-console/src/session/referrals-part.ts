import type { Referral } from '@infocig/shared';
import type { Outcome } from '@infocig/shared/client';
import type { ConsoleCore } from './chat-part.ts';
import {
  applyReferralChanged,
  applyReferralError,
  applyReferralOpened,
  applyReferrals,
} from './reducers-referrals.ts';

/**
 * Referrals to the INPS office that owns a claim: any advisor opens one from a chat they hold;
 * staff of an office (their identity names it) list, take and answer their office's.
 */
export class Referrals {
  constructor(private readonly core: ConsoleCore) {}

  /** True when the referral is open (the form then closes). */
  async open(conversationId: string, applicationId: string, question: string): Promise<boolean> {
    const { update, command } = this.core;
    update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await command('referral:open', { conversationId, applicationId, question: question.trim() });
    update((s) =>
      out.ok
        ? applyReferralOpened({ ...s, busy: false }, conversationId, out.data.referral)
        : { ...s, busy: false, commandError: out.error },
    );
    return out.ok;
  }

  /** The office's unanswered referrals; only on request, since each one listed is an audited read. */
  async load(): Promise<void> {
    const out = await this.core.command('referral:list', {});
    this.core.update((s) =>
      out.ok ? applyReferrals(s, out.data.referrals) : applyReferralError(s, out.error),
    );
  }

  async take(id: string): Promise<void> {
    await this.change(this.core.command('referral:take', { id }));
  }

  /** True when the answer went out. */
  async answer(id: string, text: string): Promise<boolean> {
    return this.change(this.core.command('referral:answer', { id, text: text.trim() }));
  }

  private async change(sent: Promise<Outcome<{ referral: Referral }>>): Promise<boolean> {
    const { update } = this.core;
    update((s) => ({ ...s, busy: true }));
    const out = await sent;
    update((s) =>
      out.ok
        ? applyReferralChanged({ ...s, busy: false }, out.data.referral)
        : applyReferralError({ ...s, busy: false }, out.error),
    );
    // A colleague took or answered it meanwhile: show what is still there.
    if (!out.ok && out.error.code === 'REFERRAL_NOT_FOUND') {
      await this.load();
      update((s) => applyReferralError(s, out.error));
    }
    return out.ok;
  }
}
