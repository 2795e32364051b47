// Some fields arrive typed as plain text although the server only stores the contract's codes
// (an activity's form, festival and audience; the skills on an order; a rule's rounding step):
// these read them safely.

/** The label of a code; an unknown code shows as it is. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  return code ? (labels[code] ?? code) : '';
}

/** The code if it is one of `codes`, else null. */
export function codeOf<T extends string | number>(codes: readonly T[], value: unknown): T | null {
  return codes.find((code) => code === value) ?? null;
}

/** The values that are among `codes`, in their order. */
export function codesOf<T extends string>(codes: readonly T[], values: readonly string[]): T[] {
  return values.filter((value): value is T => (codes as readonly string[]).includes(value));
}
