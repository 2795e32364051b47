// Bulk inserts for the seed: tens of thousands of rows in one statement each.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';

/** Column name → PostgreSQL type; `text[]`/`uuid[]` columns are passed as JSON arrays. */
export type Columns = Record<string, string>;

/** 'name type, name type, …' as in a CREATE TABLE. */
export const columns = (spec: string): Columns =>
  Object.fromEntries(spec.split(',').map((column) => column.trim().split(/\s+/) as [string, string]));

/**
 * INSERT INTO table (columns) SELECT … FROM unnest($1::type[], $2::type[], …): one statement and
 * one parameter per column, however many rows. Table and column names are the seed's own.
 */
export async function bulkInsert<R extends string = never>(
  tx: Tx,
  table: string,
  types: Columns,
  rows: ReadonlyArray<Record<string, unknown>>,
  returning: R[] = [],
): Promise<Array<Record<R, unknown>>> {
  if (rows.length === 0) return [];
  const names = Object.keys(types);
  const arrays = names.map((name) => {
    const nested = types[name]!.endsWith('[]');
    return sql`${rows.map((r) => (nested ? JSON.stringify(r[name] ?? []) : (r[name] ?? null)))}::${sql.raw(nested ? 'text' : types[name]!)}[]`;
  });
  const picks = names.map((name) =>
    types[name]!.endsWith('[]')
      ? sql.raw(`ARRAY(SELECT json_array_elements_text(t.${name}::json))::${types[name]}`)
      : sql.raw(`t.${name}`),
  );
  const query = sql<Record<R, unknown>>`
    INSERT INTO ${sql.raw(table)} (${sql.raw(names.join(', '))})
    SELECT ${sql.join(picks)} FROM unnest(${sql.join(arrays)}) AS t(${sql.raw(names.join(', '))})
    ${returning.length ? sql.raw(`RETURNING ${returning.join(', ')}`) : sql``}`;
  return (await query.execute(tx)).rows;
}
