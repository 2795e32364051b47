import crypto from 'node:crypto';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { TEAM_BOUND_ROLES, type Role } from '@civic/contracts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';

// bigint ids and counts fit comfortably in a JS number at this platform's scale
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
// dates stay 'YYYY-MM-DD' strings: a calendar date has no time zone
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type Executor = Db | Tx;

/** The role the application runs as: owns nothing, no BYPASSRLS; row-level security applies. */
export const APP_ROLE = 'civic_app';

export interface Databases {
  /** Owner connection: migrations, seeding and the system context (login, sessions, jobs). */
  system: Db;
  /** Application connection as civic_app: every request's business work, under RLS. */
  app: Db;
  close(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** Creates the database when missing (embedded first start, test databases). */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Creates or updates the application role, then applies pending migrations. */
export async function bootstrapDatabase(ownerUrl: string, appRolePassword: string): Promise<string[]> {
  await ensureAppRole(ownerUrl, appRolePassword);
  const { applied } = await migrate(ownerUrl);
  return applied;
}

/**
 * Creates the application role when the cluster has none; sets its password unless
 * `keepPassword` (a restore creates the role its data grants to, but leaves an existing one — and
 * the servers using it — alone until the next start).
 */
export async function ensureAppRole(
  ownerUrl: string,
  appRolePassword: string,
  options: { keepPassword?: boolean } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // roles are cluster-wide: serialise against other servers bootstrapping on the same cluster
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('civic_app_role'))");
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    const password = client.escapeLiteral(appRolePassword);
    if (!rowCount) {
      await client.query(
        `CREATE ROLE ${APP_ROLE} WITH LOGIN NOBYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`,
      );
    } else if (!options.keepPassword) {
      await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN NOBYPASSRLS NOSUPERUSER PASSWORD ${password}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Statements with more parameters than this (bulk inserts) are not prepared: see preparing(). */
const PREPARE_MAX_PARAMS = 64;
const PREPARE_MAX_TEXT = 8_000;

/**
 * Makes a pooled connection prepare each parameterised statement once (named by a hash of its
 * text) and reuse it. Without this every call is parsed and planned afresh, and under row-level
 * security planning costs several times the execution (a check-in: 0.25 ms planning against
 * 0.06 ms executing). Bulk statements, whose text changes with the row count, stay unnamed so they
 * don't pile up prepared statements on the server.
 */
function preparing(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => Promise<unknown>;
  const named = (text: unknown, values?: unknown) => {
    if (
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      values.length <= PREPARE_MAX_PARAMS &&
      text.length <= PREPARE_MAX_TEXT
    ) {
      const name = `q${crypto.createHash('sha1').update(text).digest('base64url').slice(0, 27)}`;
      return query({ name, text, values });
    }
    return query(text, values);
  };
  (client as unknown as { query: typeof named }).query = named;
}

function kysely(connectionString: string, max: number): Db {
  // a connection attempt while the database is down fails fast (a 503) rather than queueing
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // A connection that dies must never crash the process: an idle one is reported to the pool (which
  // drops it), and one checked out by a request gets a listener of its own — its query fails, the
  // request answers 503, and the pool discards the client when it comes back broken. New
  // connections are made when the database is back (restarted, or a replica promoted in its place).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    preparing(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function connectDatabases(ownerUrl: string, appRolePassword: string): Databases {
  const system = kysely(ownerUrl, 5);
  const app = kysely(withCredentials(ownerUrl, APP_ROLE, appRolePassword), 20);
  return {
    system,
    app,
    async close() {
      await Promise.all([app.destroy(), system.destroy()]);
    },
  };
}

/**
 * Whose data a transaction may touch: the account's org subtree and, for a team leader, only the
 * team their account leads (and its sub-teams). The request's actor is one.
 */
export interface ScopeOwner {
  userId: number;
  role: Role;
  orgPath: string;
  /** The team a team leader's account is bound to (users.team_id); null when it leads none. */
  teamId: number | null;
}

/**
 * Runs `work` in one transaction with the caller's data scope set for row-level security.
 * Everything a request reads or writes in its business logic goes through here, given the actor:
 * app.scope is their org's path, app.user their account, and app.team — for a team leader — the
 * team they lead ('0' when they lead none, which matches nothing), so no call site can forget a
 * leader's team. A bare path is an org scope with no team limit (a volunteer leading a team on H5
 * works in the team's org for one decision, checked by the caller).
 */
export async function inScope<T>(
  db: Db,
  scope: string | ScopeOwner,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const owner = typeof scope === 'string' ? null : scope;
  const path = owner ? owner.orgPath : (scope as string);
  const team = owner && TEAM_BOUND_ROLES.includes(owner.role) ? String(owner.teamId ?? 0) : '';
  const user = owner ? String(owner.userId) : '';
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.scope', ${path}, true), set_config('app.team', ${team}, true),
      set_config('app.user', ${user}, true)`.execute(tx);
    return work(tx);
  });
}

/** The scope label a volunteer's own requests run under: below their org, matching no org. */
export const SELF_SCOPE_LABEL = 'self';

/**
 * Runs `work` for a volunteer acting for themself: a scope of their own below their org (so none
 * of the org's other data is visible) with app.volunteer set, which the policies use for their own
 * record, account and memberships.
 */
export async function inVolunteerScope<T>(
  db: Db,
  orgPath: string,
  volunteerId: number,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.scope', ${`${orgPath}.${SELF_SCOPE_LABEL}`}, true),
      set_config('app.volunteer', ${String(volunteerId)}, true)`.execute(tx);
    return work(tx);
  });
}

export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
