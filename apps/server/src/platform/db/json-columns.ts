// The shapes of jsonb columns whose contents the code defines; the generated table types
// (schema.generated.ts) refer to them.

/** One entry of volunteer_imports.errors. */
export interface ImportRowError {
  /** The worksheet row number as Excel shows it. */
  row: number;
  column: string | null;
  message: string;
}

/** One entry of households.members: a member's name and relation to the head of household. */
export interface HouseholdMember {
  name: string;
  relation: string;
}
