import type { UiError } from '@infocig/shared/client';
import type { Result, VisitorCore } from './chat-part.ts';
import {
  applyApplicationGone,
  applyCompanyChosen,
  applyCompanyClaims,
  applyCompanyRefused,
  applyOwnClaims,
  dismissNotice,
  picksCompany,
} from './reducers-claims.ts';
import { applyAccessLog, applyAccessLogFailed, applyAccessLogLoading } from './reducers-privacy.ts';

/**
 * The self-service part of the visitor's session: their claims or those of a company they act
 * for, and who has seen their data.
 */
export class VisitorClaims {
  constructor(private readonly core: VisitorCore) {}

  /** An intermediary picks one of their delegating companies; its claims are read now, checked now. */
  async chooseCompany(cf: string): Promise<void> {
    const company = this.core.getState().companies.find((c) => c.cf === cf);
    if (!company?.admitted) return;
    this.core.update((s) => applyCompanyChosen(s, cf));
    await this.loadCompanyClaims(cf);
  }

  async refresh(): Promise<void> {
    const s = this.core.getState();
    if (picksCompany(s)) {
      if (s.selectedCompanyCf) await this.loadCompanyClaims(s.selectedCompanyCf);
      return;
    }
    const out = await this.core.command('claims:get', {});
    if (out.ok) this.set(out.data);
    else this.core.update((s) => ({ ...s, commandError: out.error }));
  }

  /** "Who has seen my data": read each time the person asks, never kept from an earlier visit. */
  async loadAccessLog(): Promise<void> {
    if (this.core.getState().accessLog.loading) return;
    this.core.update(applyAccessLogLoading);
    const out = await this.core.command('privacy:access-log', {});
    this.core.update((s) =>
      out.ok ? applyAccessLog(s, out.data.entries) : applyAccessLogFailed(s, out.error),
    );
  }

  dismissNotice(): void {
    this.core.update(dismissNotice);
  }

  set(c: Result<'claims:get'>): void {
    this.core.update((s) => applyOwnClaims(s, c));
  }

  /** After (re)connecting: an intermediary's pick is read again, its delegation checked afresh. */
  afterReady(): void {
    const s = this.core.getState();
    if (picksCompany(s) && s.selectedCompanyCf) void this.loadCompanyClaims(s.selectedCompanyCf);
  }

  /**
   * `chat:request` answered ACCESS_FORBIDDEN: the company's delegation ended, or the application
   * is no longer the visitor's. Reading the claims again tells which, and shows what is left.
   */
  async explainRefusal(applicationId: string | undefined, error: UiError): Promise<void> {
    const cf = this.core.getState().selectedCompanyCf;
    if (picksCompany(this.core.getState()) && cf) {
      if (!(await this.loadCompanyClaims(cf))) return;
    } else await this.refresh();
    if (applicationId) this.core.update(applyApplicationGone);
    else this.core.update((s) => ({ ...s, busy: false, commandError: error }));
  }

  /** False when access to the company was refused (it then leaves the list). */
  private async loadCompanyClaims(cf: string): Promise<boolean> {
    const out = await this.core.command('claims:company', { companyCf: cf });
    if (out.ok) {
      this.core.update((s) => applyCompanyClaims(s, cf, out.data));
      return true;
    }
    if (out.error.code === 'ACCESS_FORBIDDEN') {
      this.core.update((s) => applyCompanyRefused(s, cf));
      return false;
    }
    this.core.update((s) => ({ ...s, commandError: out.error }));
    return true;
  }
}
