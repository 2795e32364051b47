// Timestamps leave the server as ISO 8601 strings in UTC (the API contract, docs/api.md).

/** `2026-12-06T21:20:12.000Z` for a Date or anything PostgreSQL returned as a timestamp. */
export function isoTimestamp(value: Date | string): string;
/** The same, passing a missing value (SQL NULL) through as null. */
export function isoTimestamp(value: Date | string | null): string | null;
export function isoTimestamp(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** The calendar day in China (Asia/Shanghai, no daylight saving) at `at`: `2026-12-07`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
