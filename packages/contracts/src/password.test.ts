import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordPolicyViolation, passwordRules } from './password.ts';

describe('common passwords', () => {
  // each of these meets the length and 3-of-4-classes rules, so only the list can refuse it
  const common = ['Password1', 'Password1!', 'P@ssw0rd', 'Aa123456', 'Abc12345', 'Qwer1234', 'Woaini1314'];

  it.each(common)('refuses %s, whatever its case', (password) => {
    expect(passwordPolicyViolation(password, 'zhangsan')).toMatch(/常见/);
    expect(passwordPolicyViolation(password.toUpperCase(), 'zhangsan')).toMatch(/常见|3 类/);
    expect(
      passwordRules(password, 'zhangsan')
        .filter((rule) => !rule.ok)
        .map((rule) => rule.key),
    ).toEqual(['common']);
  });

  it('knows the well-known top lists, not only a few examples', () => {
    for (const password of ['12345678a', 'qwer1234', '1qaz2wsx', 'password123', 'admin123', 'iloveyou1'])
      expect(isCommonPassword(password), password).toBe(true);
  });

  it('accepts a password that is not on the list', () => {
    expect(isCommonPassword('Xiang#2026')).toBe(false);
    expect(passwordPolicyViolation('Xiang#2026', 'zhangsan')).toBeNull();
    expect(passwordRules('Xiang#2026', 'zhangsan').every((rule) => rule.ok)).toBe(true);
  });
});
