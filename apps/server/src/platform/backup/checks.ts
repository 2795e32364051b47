import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { verifyAuditChain, type VerifyResult } from '../audit/audit.ts';
import type { FieldCipher } from '../crypto.ts';
import type { Database } from '../db/schema.ts';
import type { TableStats } from './archive.ts';

/**
 * What a backup records of a database and what a restore checks in the copy: every table's row
 * count and checksum, that the configured key opens the encrypted fields, and the audit chain.
 */

/** Every ordinary table of the database, "schema.table", in a stable order. */
async function tables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
    ORDER BY n.nspname, c.relname`);
  return rows.map((r) => r.name);
}

/**
 * Row count and a checksum per table: the sum of a 60-bit slice of each row's MD5 (of its text
 * form, in fixed output settings), so it needs no ordering and no memory beyond one row. The
 * connection must see every row (a superuser or BYPASSRLS owner).
 */
export async function tableStats(client: pg.ClientBase): Promise<Record<string, TableStats>> {
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; SET bytea_output = 'hex'",
  );
  const stats: Record<string, TableStats> = {};
  for (const table of await tables(client)) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows,
         coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint), 0)::text AS checksum
       FROM ${table} t`,
    );
    stats[table] = { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
  }
  return stats;
}

export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query("SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.rowCount) return [];
  const { rows } = await client.query<{ name: string }>(
    'SELECT name FROM schema_migrations ORDER BY version',
  );
  return rows.map((r) => r.name);
}

export interface TableDifference {
  table: string;
  expected: TableStats | null;
  actual: TableStats | null;
}

export function compareTables(
  expected: Record<string, TableStats>,
  actual: Record<string, TableStats>,
): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const e = expected[table] ?? null;
    const a = actual[table] ?? null;
    if (e?.rows !== a?.rows || e?.checksum !== a?.checksum)
      differences.push({ table, expected: e, actual: a });
  }
  return differences;
}

export interface KeyCheck {
  /** Values tried and values that did not open, per "table.column". */
  columns: Array<{ column: string; checked: number; failed: number }>;
  checked: number;
  failed: number;
}

/**
 * Tries the key on a random sample of every encrypted column (named `*_enc`: text sealed by
 * FieldCipher.encrypt, bytea by encryptBytes). A wrong key opens none of them: the MAC fails.
 */
export async function checkEncryptedSample(
  client: pg.ClientBase,
  cipher: FieldCipher,
  perColumn = 20,
): Promise<KeyCheck> {
  const { rows: columns } = await client.query<{ tbl: string; col: string; name: string; type: string }>(`
    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS tbl,
      quote_ident(column_name) AS col, table_name || '.' || column_name AS name, data_type AS type
    FROM information_schema.columns
    WHERE column_name LIKE '%\\_enc' AND data_type IN ('text', 'bytea')
      AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY table_schema, table_name, column_name`);
  const result: KeyCheck = { columns: [], checked: 0, failed: 0 };
  for (const { tbl, col, name, type } of columns) {
    const limit = type === 'bytea' ? Math.min(perColumn, 2) : perColumn;
    const { rows } = await client.query<{ v: string | Buffer }>(
      `SELECT ${col} AS v FROM ${tbl} WHERE ${col} IS NOT NULL ORDER BY random() LIMIT ${limit}`,
    );
    let failed = 0;
    for (const { v } of rows) {
      try {
        if (typeof v === 'string') cipher.decrypt(v);
        else cipher.decryptBytes(v);
      } catch {
        failed += 1;
      }
    }
    if (rows.length) result.columns.push({ column: name, checked: rows.length, failed });
    result.checked += rows.length;
    result.failed += failed;
  }
  return result;
}

export async function auditChainAt(connectionString: string): Promise<VerifyResult> {
  const pool = new pg.Pool({ connectionString, max: 1 });
  // pool.end() resolves before its socket has closed: the restore stops its server right after,
  // and the connection's end must not become an unhandled 'error' event
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await verifyAuditChain(db);
  } finally {
    await db.destroy();
  }
}
