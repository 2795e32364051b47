import { describe, expect, it } from 'vitest';
import { isMobile, maskMobile, normalizeMobile } from './phone.ts';
import { passwordPolicyViolation, passwordRules } from './password.ts';
import { ROLE_PERMISSIONS } from './enums.ts';

describe('mobile numbers', () => {
  it('accepts 11-digit mainland numbers, with +86 and spaces stripped', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('+86 138 1234 5678')).toBe(true);
    expect(isMobile('0086-19912345678')).toBe(true);
    expect(normalizeMobile('+86 138 1234 5678')).toBe('13812345678');
  });
  it('rejects malformed numbers', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '23812345678', 'abcdefghijk', '']) {
      expect(isMobile(bad)).toBe(false);
    }
  });
  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});

describe('password policy', () => {
  it('requires 8+ characters, 3 of 4 classes and not the username', () => {
    expect(passwordPolicyViolation('Ab1!', 'zhang')).toMatch(/至少 8 位/);
    expect(passwordPolicyViolation('abcdefgh1', 'zhang')).toMatch(/至少 3 类/);
    expect(passwordPolicyViolation('Zhangsan#2026', 'zhangsan')).toMatch(/账号/);
    expect(passwordPolicyViolation('Xiang#2026', 'zhangsan')).toBeNull();
    expect(passwordPolicyViolation('xiangxiang2026!', 'zhangsan')).toBeNull();
  });
  it('lists each rule for the console checklist, and refuses what the checklist does', () => {
    const failing = (password: string) =>
      passwordRules(password, 'zhangsan')
        .filter((rule) => !rule.ok)
        .map((rule) => rule.key);
    expect(failing('Ab1!')).toEqual(['length']);
    expect(failing('abcdefgh1')).toEqual(['classes']);
    expect(failing('Zhangsan#2026')).toEqual(['username']);
    expect(failing('Xiang#2026')).toEqual([]);
    expect(passwordPolicyViolation(`Aa1!${'x'.repeat(125)}`, 'zhangsan')).toMatch(/128/);
  });
});

describe('三权分立', () => {
  it('keeps account management, audit reading and business work in separate roles', () => {
    expect(ROLE_PERMISSIONS.security_admin).toEqual(['account.manage']);
    // the audit admin's one power beyond reading: to be the second person who activates an account
    expect(ROLE_PERMISSIONS.audit_admin).toEqual(['audit.read', 'account.activate']);
    for (const role of ['center_admin', 'institute_admin', 'station_admin'] as const) {
      expect(ROLE_PERMISSIONS[role]).not.toContain('account.manage');
      expect(ROLE_PERMISSIONS[role]).not.toContain('audit.read');
    }
  });
  it('never lets the one who manages accounts also activate them', () => {
    const activators = Object.entries(ROLE_PERMISSIONS)
      .filter(([, permissions]) => permissions.includes('account.activate'))
      .map(([role]) => role);
    expect(activators.sort()).toEqual(['audit_admin', 'center_admin']);
    expect(ROLE_PERMISSIONS.security_admin).not.toContain('account.activate');
  });
});
