import { auditKeyFrom } from '../../src/audit/audit-key.ts';

/** The audit secret test servers run with; `AUDIT_HMAC_KEY` in a real deployment. */
export const TEST_AUDIT_SECRET = 'infocig-test-audit-key-0123456789abcdef';

/** The audit key tests write and verify with. */
export const TEST_AUDIT_KEY = auditKeyFrom(TEST_AUDIT_SECRET);
