import { auditKeyFrom } from '../../src/audit/audit-key.ts';

/** The audit key tests write and verify with; `AUDIT_HMAC_KEY` in a real deployment. */
export const TEST_AUDIT_KEY = auditKeyFrom('infocig-test-audit-key-0123456789abcdef');
