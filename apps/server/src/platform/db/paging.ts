import { sql, type SelectQueryBuilder } from 'kysely';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of an ordered query plus the total number of rows it matches. */
export async function pageOf<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  request: PageRequest,
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    query
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize)
      .execute(),
    query
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow() as Promise<{ n: number }>,
  ]);
  return { rows, total: count.n };
}

/**
 * One page of a list whose rows are decorated — names joined in, counts looked up per row — and the
 * total. The page's keys are chosen on the filtered, ordered query alone (the planner drops the
 * joins nothing filters on), then only those rows are decorated: otherwise PostgreSQL joins and
 * checks the row-level security of every matching row before it sorts and keeps twenty. `key` is
 * the unique column the query is ordered by last (e.g. `a.id`).
 */
export async function pageByKey<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  request: PageRequest,
  key: string,
): Promise<{ rows: O[]; total: number }> {
  const keys = query
    .clearSelect()
    .select(sql.ref(key).as('page_key'))
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize);
  const [rows, count] = await Promise.all([
    query.where(sql<boolean>`${sql.ref(key)} IN (${keys})`).execute(),
    query
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow() as Promise<{ n: number }>,
  ]);
  return { rows, total: count.n };
}
