/**
 * The post-login destination from a `?redirect=` value: only same-site absolute paths, never a
 * path of the login pages themselves (which would loop), else the face's home.
 */
export function safeRedirectOf(
  value: unknown,
  options: { fallback: string; excluded: readonly string[] },
): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !options.excluded.some((prefix) => value.startsWith(prefix))
    ? value
    : options.fallback;
}

/** Where to send a visitor who must log in first, remembering where they were going. */
export function loginLocationOf<T extends object>(
  fullPath: string | undefined,
  login: T,
): T | (T & { query: { redirect: string } }) {
  return fullPath && fullPath !== '/' ? { ...login, query: { redirect: fullPath } } : login;
}
