/**
 * Password policy (等保 practice): at least 8 characters, at least 3 of the 4 character classes
 * (upper case, lower case, digits, symbols), and not containing the username.
 * Returns the Chinese reason the password is refused, or null when it is acceptable.
 */
export function passwordPolicyViolation(password: string, username: string): string | null {
  if (password.length < 8) return '密码长度至少 8 位';
  if (password.length > 128) return '密码长度不能超过 128 位';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少 3 类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含账号名';
  return null;
}
