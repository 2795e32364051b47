import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password policy (等保 practice): 8 to 128 characters, at least 3 of the 4 character classes
 * (upper case, lower case, digits, symbols), not containing the username, and not a common
 * password. The console, H5 and server share it, so they refuse the same passwords.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordRule {
  key: 'length' | 'classes' | 'username' | 'common';
  /** The rule as a checklist line (the console shows it while the password is typed). */
  label: string;
  ok: boolean;
}

/**
 * Common passwords: zxcvbn's "passwords-common" list (about 49,000 passwords ranked by frequency in
 * public breach corpora, maintained by the zxcvbn-ts project), plus a few favourites of Chinese
 * users that it lacks. Compared case-insensitively and with trailing symbols dropped, so
 * `Password1`, `PASSWORD1` and `Password1!` are all refused.
 */
const CHINESE_FAVOURITES = [
  'woaini1314',
  'woaini520',
  'woaini123',
  'woaini1234',
  'iloveyou1314',
  'a5201314',
  'aa5201314',
  'abc5201314',
  'zhang123456',
  'wang123456',
  'li123456',
  'admin@123',
  'admin1234',
  'qwe123!@#',
];
let commonPasswords: ReadonlySet<string> | null = null;

function commonList(): ReadonlySet<string> {
  // built on first use: only passwords long enough to pass the length rule need a place in it
  commonPasswords ??= new Set(
    [...dictionary['passwords-common'], ...CHINESE_FAVOURITES]
      .map((password) => password.toLowerCase())
      .filter((password) => password.length >= PASSWORD_MIN_LENGTH - 1),
  );
  return commonPasswords;
}

/** True when the password is one of the commonly used ones (case and trailing symbols ignored). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonList();
  return list.has(lower) || list.has(lower.replace(/[^a-z0-9]+$/, ''));
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
    {
      key: 'common',
      label: '避开常见弱密码（如 Password1）',
      ok: password.length > 0 && !isCommonPassword(password),
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
  if (failed === 'common') return '密码过于常见，容易被猜中，请换一个';
  return null;
}
