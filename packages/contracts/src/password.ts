/**
 * Password policy (等保 practice): 8 to 128 characters, at least 3 of the 4 character classes
 * (upper case, lower case, digits, symbols), and not containing the username.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordRule {
  key: 'length' | 'classes' | 'username';
  /** The rule as a checklist line (the console shows it while the password is typed). */
  label: string;
  ok: boolean;
}

const characterClasses = (password: string) =>
  [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;

/** Each rule of the policy and whether the password meets it. */
export function passwordRules(password: string, username: string): PasswordRule[] {
  const name = username.trim().toLowerCase();
  return [
    {
      key: 'length',
      label: `${PASSWORD_MIN_LENGTH} 至 ${PASSWORD_MAX_LENGTH} 个字符`,
      ok: password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH,
    },
    {
      key: 'classes',
      label: '包含大写字母、小写字母、数字、符号中的至少 3 类',
      ok: characterClasses(password) >= 3,
    },
    {
      key: 'username',
      label: '不包含账号名',
      ok: password.length > 0 && (!name || !password.toLowerCase().includes(name)),
    },
  ];
}

/** The Chinese reason the password is refused, or null when it is acceptable. */
export function passwordPolicyViolation(password: string, username: string): string | null {
  const failed = passwordRules(password, username).find((rule) => !rule.ok)?.key;
  if (failed === 'length')
    return password.length < PASSWORD_MIN_LENGTH
      ? `密码长度至少 ${PASSWORD_MIN_LENGTH} 位`
      : `密码长度不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (failed === 'classes') return '密码需包含大写字母、小写字母、数字、符号中的至少 3 类';
  if (failed === 'username') return '密码不能包含账号名';
  return null;
}
