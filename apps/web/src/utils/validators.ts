// Client-side checks that mirror the server's rules; the server remains the authority.

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Masked values (138****5678) must never be sent back as if they were real data. */
export function isMasked(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.includes('*');
}

export interface PasswordCheck {
  key: 'length' | 'classes' | 'username';
  label: string;
  ok: boolean;
}

/** Password policy: ≥ 8 characters, ≥ 3 of upper/lower/digit/symbol, must not contain the username. */
export function checkPassword(password: string, username: string): PasswordCheck[] {
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const lowerName = username.trim().toLowerCase();
  return [
    { key: 'length', label: '至少 8 个字符', ok: password.length >= 8 },
    { key: 'classes', label: '包含大写字母、小写字母、数字、符号中的至少 3 类', ok: classes >= 3 },
    {
      key: 'username',
      label: '不包含账号名',
      ok: password.length > 0 && (!lowerName || !password.toLowerCase().includes(lowerName)),
    },
  ];
}
