/** Joins the Chinese labels of dictionary codes; unknown codes show as they are. */
export function joinLabels<T extends string>(
  codes: readonly T[] | null | undefined,
  labels: Readonly<Record<T, string>>,
  empty = '未填写',
): string {
  if (!codes || codes.length === 0) return empty;
  return codes.map((code) => labels[code] ?? code).join('、');
}

/** Hours with at most one decimal, without a trailing ".0". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '0';
  return String(Math.round(hours * 10) / 10);
}
