/** A record id read from the address (route params and query are text), or null when it is not one. */
export function idFrom(value: unknown): number | null {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}
