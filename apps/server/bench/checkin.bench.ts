// Workload: 签到风暴 — 10,000 volunteers check in to 50 activities running at the same time, each
// scanning the QR code on the organiser's screen (DESIGN §6 / issue 6: ≥ 2,000 check-ins/s with
// p99 < 50 ms on this machine, none lost or duplicated).
//
// Measured on the product's own path: the check-in service's scan() — token verification, then one
// statement (the volunteer's own RLS scope, the activity and sign-up read, the geofence, the insert
// that a retry cannot duplicate) — called in-process with 64 in flight, so the figure is our
// statement and not HTTP parsing; 1,000 of the storm are then sent again as retries. Baseline, in
// the same run, pool and concurrency: 10,000 bare single-row INSERTs into a table of the same shape
// as activity_checkins (its indexes and unique key, no RLS, no foreign keys).
//
// Then through HTTP (issue 13: the route at ≥ 0.5× a bare Fastify route doing one INSERT, in the
// same run, none lost or duplicated): the server runs as its own process (src/main.ts,
// NODE_ENV=production, on the bench's database) and wrk (a separate process) sends POST
// /api/me/checkin over 127.0.0.1 with 64 connections, every request a different volunteer's session
// and activity (the same 10,000 volunteers, signed up to one activity of each further set). The
// baseline is a bare Fastify process (bare-insert-server.ts) doing one INSERT per request, loaded by
// wrk the same way with the same headers and bodies. Every figure is checked in SQL afterwards:
// exactly one row per volunteer and activity, a row for every check-in answered.
//
// Wall-clock rates depend on whatever else the machine runs, so each in-process storm also reports
// the CPU it cost per check-in: Node's own, and the embedded PostgreSQL's (its processes, from
// /proc). 2 cores divided by the sum is the ceiling on this machine when idle.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { permissionsOf, type Actor } from '../src/platform/auth/actor.ts';
import { CSRF_COOKIE, SESSION_COOKIE, sessionIdOf } from '../src/platform/auth/sessions.ts';
import { CHECKIN_QR_KEY_PURPOSE, signCheckinToken } from '../src/modules/activities/checkin-token.ts';
import { createCheckinService } from '../src/modules/activities/checkin.service.ts';
import { APP_ROLE, withCredentials, type Db } from '../src/platform/db/database.ts';
import { timed, type Bench, type Figure } from './harness.ts';
import {
  fmtLoad,
  loadRequests,
  refusals,
  startServer,
  type LoadResult,
  type PreparedRequest,
  type Server,
} from './http-load.ts';

const VOLUNTEERS = Number(process.env.BENCH_CHECKIN_VOLUNTEERS ?? 10_000);
const ACTIVITIES = Number(process.env.BENCH_CHECKIN_ACTIVITIES ?? 50);
const IN_FLIGHT = Number(process.env.BENCH_CHECKIN_IN_FLIGHT ?? 64);
const RETRIES = Math.min(1_000, VOLUNTEERS);
/** Sets of activities for the HTTP storm: every volunteer signed up to one activity of each. */
const HTTP_SETS = Number(process.env.BENCH_CHECKIN_HTTP_SETS ?? 3);
const HTTP_SECONDS = Number(process.env.BENCH_CHECKIN_HTTP_SECONDS ?? 8);
const TARGET_RATE = 2_000;
const TARGET_P99_MS = 50;
const TARGET_HTTP_RATIO = 0.5;

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-insert-server.ts', import.meta.url));

interface Volunteer {
  volunteerId: number;
  userId: number;
  username: string;
  orgId: number;
  orgPath: string;
  activity: number;
  latitude: number;
  longitude: number;
  token: string;
  csrf: string;
}

/**
 * 10,000 volunteers with accounts in the stations of the towns, sets of 50 in-progress activities
 * of those towns (set 0 for the service storm, set 1 for warming up, the rest for the HTTP storm),
 * every volunteer signed up (confirmed) to one activity of each set, and a session per volunteer.
 * SQL on the owner connection; the profiles are copied from the seeded volunteers.
 */
async function prepare(bench: Bench): Promise<{ sets: number[][]; volunteers: Volunteer[] }> {
  const db = bench.ctx.db.system;
  return db.transaction().execute(async (tx) => {
    await sql`SELECT setseed(0.6)`.execute(tx);
    // the activities: round-robin over the towns, at the town's coordinates
    await sql`CREATE TEMP TABLE bench_ck_towns ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS t, id, path, latitude, longitude
      FROM orgs WHERE kind = 'institute' AND status = 'active'`.execute(tx);
    await sql`CREATE TEMP TABLE bench_ck_activities ON COMMIT DROP AS
      SELECT s AS set_no, g AS k, t.id AS org_id, t.path AS org_path, t.latitude, t.longitude
      FROM generate_series(0, ${1 + HTTP_SETS}) s, generate_series(0, ${ACTIVITIES - 1}) g
      JOIN bench_ck_towns t ON t.t = g % (SELECT count(*) FROM bench_ck_towns)::int`.execute(tx);
    await sql`ALTER TABLE bench_ck_activities ADD COLUMN id bigint`.execute(tx);
    await sql`WITH made AS (
        INSERT INTO activities (activity_no, org_id, org_path, title, form, place, latitude, longitude,
          geofence_m, starts_at, ends_at, capacity, status, confirmed_count, published_at, created_at, updated_at)
        SELECT 'BENCH-CK-' || set_no || '-' || k, org_id, org_path, '压测签到活动 ' || set_no || '-' || k, 'xing',
          '压测现场', latitude, longitude, 300, now() - interval '5 minutes', now() + interval '3 hours',
          10000, 'in_progress', 0, now() - interval '1 day', now() - interval '1 day', now()
        FROM bench_ck_activities
        RETURNING id, activity_no)
      UPDATE bench_ck_activities b SET id = made.id FROM made
      WHERE made.activity_no = 'BENCH-CK-' || b.set_no || '-' || b.k`.execute(tx);

    // the volunteers: k-th lives in a station of the town of activity k % ACTIVITIES
    await sql`CREATE TEMP TABLE bench_ck_profiles ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id)::int AS p, name, gender, birth_date, id_number_enc, phone_enc,
        phone_tail, political_status, categories, skills, service_categories, availability, consent_version,
        consent_at, consent_channel
      FROM volunteers WHERE status = 'active'`.execute(tx);
    await sql`CREATE TEMP TABLE bench_ck_stations ON COMMIT DROP AS
      SELECT parent_id, (row_number() OVER (PARTITION BY parent_id ORDER BY id) - 1)::int AS r,
        (count(*) OVER (PARTITION BY parent_id))::int AS n, id, path
      FROM orgs WHERE kind = 'station' AND status = 'active'`.execute(tx);
    await sql`CREATE TEMP TABLE bench_ck_people ON COMMIT DROP AS
      SELECT g AS k, g % ${ACTIVITIES} AS a, st.id AS org_id, st.path AS org_path,
        1 + (g * 7919) % (SELECT count(*) FROM bench_ck_profiles)::int AS p
      FROM generate_series(0, ${VOLUNTEERS - 1}) g
      JOIN bench_ck_activities b ON b.set_no = 0 AND b.k = g % ${ACTIVITIES}
      JOIN bench_ck_stations st ON st.parent_id = b.org_id AND st.r = (g / ${ACTIVITIES}) % st.n`.execute(tx);
    await sql`ALTER TABLE bench_ck_people ADD COLUMN user_id bigint, ADD COLUMN volunteer_id bigint`.execute(
      tx,
    );
    await sql`WITH made AS (
        INSERT INTO users (username, display_name, password_hash, password_changed_at, must_change_password,
          role, org_id, org_path)
        SELECT 'bench-ck-' || n.k, '压测志愿者' || n.k, u.password_hash, now(), false, 'volunteer', n.org_id, n.org_path
        FROM bench_ck_people n, users u WHERE u.username = 'demo-volunteer'
        RETURNING id, username)
      UPDATE bench_ck_people n SET user_id = made.id FROM made WHERE made.username = 'bench-ck-' || n.k`.execute(
      tx,
    );
    await sql`WITH made AS (
        INSERT INTO volunteers (org_id, org_path, user_id, name, gender, birth_date, id_number_enc, id_number_index,
          phone_enc, phone_tail, political_status, categories, skills, service_categories, availability,
          consent_version, consent_at, consent_channel, source, created_at, updated_at)
        SELECT n.org_id, n.org_path, n.user_id, p.name, p.gender, p.birth_date, p.id_number_enc, 'bench-ck-' || n.k,
          p.phone_enc, p.phone_tail, p.political_status, p.categories, p.skills, p.service_categories,
          p.availability, p.consent_version, p.consent_at, p.consent_channel, 'import', p.consent_at, p.consent_at
        FROM bench_ck_people n JOIN bench_ck_profiles p USING (p)
        RETURNING id, user_id)
      UPDATE bench_ck_people n SET volunteer_id = made.id FROM made WHERE made.user_id = n.user_id`.execute(
      tx,
    );

    // signed up (confirmed) to activity k % 50 of each set, as the sign-up service leaves it
    await sql`INSERT INTO activity_signups (activity_id, volunteer_id, org_path, status, source, created_at, updated_at)
      SELECT b.id, n.volunteer_id, b.org_path, 'confirmed', 'self', now() - interval '2 hours', now() - interval '2 hours'
      FROM bench_ck_people n JOIN bench_ck_activities b ON b.k = n.a`.execute(tx);
    await sql`UPDATE activities a SET confirmed_count = (SELECT count(*) FROM activity_signups s WHERE s.activity_id = a.id)
      WHERE a.activity_no LIKE 'BENCH-CK-%'`.execute(tx);

    const { rows } = await sql<{
      k: number;
      a: number;
      volunteer_id: number;
      user_id: number;
      org_id: number;
      org_path: string;
      latitude: number;
      longitude: number;
    }>`SELECT n.k, n.a, n.volunteer_id, n.user_id, n.org_id, n.org_path::text AS org_path, b.latitude, b.longitude
       FROM bench_ck_people n JOIN bench_ck_activities b ON b.set_no = 0 AND b.k = n.a ORDER BY n.k`.execute(
      tx,
    );
    const { rows: sets } = await sql<{ set_no: number; ids: number[] }>`
      SELECT set_no, array_agg(id ORDER BY k) AS ids FROM bench_ck_activities GROUP BY set_no ORDER BY set_no`.execute(
      tx,
    );

    // a session per volunteer (as login would leave it; only the token's SHA-256 is stored)
    const volunteers: Volunteer[] = rows.map((r) => ({
      volunteerId: Number(r.volunteer_id),
      userId: Number(r.user_id),
      username: `bench-ck-${r.k}`,
      orgId: Number(r.org_id),
      orgPath: r.org_path,
      activity: r.a,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      token: crypto.randomBytes(32).toString('base64url'),
      csrf: crypto.randomBytes(24).toString('base64url'),
    }));
    await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at)
      SELECT id, user_id, csrf, now(), now(), now() + interval '1 day'
      FROM unnest(${volunteers.map((v) => sessionIdOf(v.token))}::text[], ${volunteers.map((v) => v.userId)}::bigint[],
                  ${volunteers.map((v) => v.csrf)}::text[]) AS t(id, user_id, csrf)`.execute(tx);
    return { sets: sets.map((s) => s.ids.map(Number)), volunteers };
  });
}

interface Storm {
  label: string;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  results: unknown[];
  /** CPU per call, µs: Node, and PostgreSQL when it runs here (null when external) */
  nodeUs: number;
  pgUs: number | null;
}

const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;

/**
 * CPU seconds used so far by the PostgreSQL server this process talks to, when it runs on this
 * machine: the postmaster and its live children, plus the children that have exited (cutime).
 */
type PgCpu = () => number | null;
async function postgresCpu(db: Db): Promise<PgCpu> {
  const none = () => null;
  if (process.env.BENCH_DATABASE_URL || !fs.existsSync('/proc/self/stat')) return none;
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
  const stat = (pid: number | string) =>
    fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  let postmaster: number;
  try {
    postmaster = Number(stat(rows[0]!.pid)[1]);
    if (!fs.readFileSync(`/proc/${postmaster}/comm`, 'utf8').startsWith('postgres')) return none;
  } catch {
    return none;
  }
  const ticks = 100; // USER_HZ on Linux
  return () => {
    let total = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = stat(entry);
        if (Number(entry) === postmaster)
          total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
        else if (Number(f[1]) === postmaster) total += Number(f[11]) + Number(f[12]);
      } catch {
        // the process has just exited
      }
    }
    return total / ticks;
  };
}

/** Runs `work` over the items with `IN_FLIGHT` at a time; each call timed on its own. */
async function storm<T>(
  label: string,
  pgCpu: PgCpu,
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<Storm> {
  const took: number[] = new Array(items.length);
  const results: unknown[] = new Array(items.length);
  let next = 0;
  const pgBefore = pgCpu();
  const nodeBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      const t = process.hrtime.bigint();
      results[i] = await work(items[i]!);
      took[i] = Number(process.hrtime.bigint() - t) / 1e6;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const node = process.cpuUsage(nodeBefore);
  const pgAfter = pgCpu();
  const sorted = [...took].sort((a, b) => a - b);
  return {
    label,
    seconds,
    rate: items.length / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1)!,
    results,
    nodeUs: (node.user + node.system) / items.length,
    pgUs: pgBefore === null || pgAfter === null ? null : ((pgAfter - pgBefore) * 1e6) / items.length,
  };
}

/** A deterministic shuffle: the volunteers of the 50 activities arrive interleaved. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const fmt = (s: Storm) =>
  `${Math.round(s.rate).toLocaleString('en')}/s (${s.seconds.toFixed(2)} s), p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;

/** "CPU/op node 330 µs + pg 800 µs → ≤ 1,770/s on 2 idle cores" */
function cpuLine(s: Storm): string {
  const node = `CPU per call: node ${Math.round(s.nodeUs)} µs`;
  if (s.pgUs === null) return node;
  const ceiling = (2 * 1e6) / (s.nodeUs + s.pgUs);
  return `${node} + postgres ${Math.round(s.pgUs)} µs → at most ${Math.round(ceiling).toLocaleString('en')}/s on 2 idle cores`;
}

export async function checkinWorkload(bench: Bench): Promise<Figure[]> {
  const { ctx } = bench;
  const db = ctx.db.system;
  const prepared = await timed(() => prepare(bench));
  const { sets, volunteers } = prepared.value;
  await sql`VACUUM (ANALYZE) volunteers, users, sessions, activities, activity_signups, activity_checkins`.execute(
    db,
  );
  const pgCpu = await postgresCpu(db);
  console.log(
    `  ${volunteers.length} volunteers signed up to ${sets[0]!.length} in-progress activities ` +
      `(×${sets.length} sets), ${IN_FLIGHT} in flight; prepared in ${(prepared.ms / 1000).toFixed(1)} s`,
  );

  // the QR code on each organiser's screen: signed with the real key, renewed every 30 s
  const key = ctx.cipher.derive(CHECKIN_QR_KEY_PURPOSE);
  const codes = new Map<number, { token: string; refreshAt: number }>();
  const codeOf = (activityId: number) => {
    const now = Date.now();
    const cached = codes.get(activityId);
    if (cached && cached.refreshAt > now) return cached.token;
    const code = signCheckinToken(key, activityId, 'in', new Date(now));
    codes.set(activityId, { token: code.token, refreshAt: code.refreshAt.getTime() });
    return code.token;
  };
  // the actor the auth plugin builds from a volunteer's session
  const actors = new Map<number, Actor>(
    volunteers.map((v) => [
      v.volunteerId,
      {
        userId: v.userId,
        username: v.username,
        displayName: v.username,
        role: 'volunteer',
        orgId: v.orgId,
        orgName: '压测站点',
        orgPath: v.orgPath,
        teamId: null,
        teamName: null,
        permissions: permissionsOf('volunteer'),
        sessionId: sessionIdOf(v.token),
        csrfToken: v.csrf,
        mustChangePassword: false,
        passwordExpired: false,
        totpEnabled: false,
        totpRequired: false,
        ip: '10.9.0.1',
        volunteer: { id: v.volunteerId, orgPath: v.orgPath, status: 'active' },
      },
    ]),
  );
  // where the phone is: within ~100 m of the place
  const near = (v: Volunteer, i: number) => ({
    latitude: v.latitude + (((i * 37) % 17) - 8) * 0.0001,
    longitude: v.longitude + (((i * 53) % 19) - 9) * 0.0001,
    accuracy: 15,
  });
  const order = shuffled(volunteers, 20261124).map((v, i) => ({ v, i }));
  const scanWith =
    (service: ReturnType<typeof createCheckinService>, set: number) =>
    ({ v, i }: { v: Volunteer; i: number }) =>
      service.scan(actors.get(v.volunteerId)!, { token: codeOf(sets[set]![v.activity]!), ...near(v, i) });
  const service = createCheckinService(ctx);
  // cleared, and vacuumed so that no autovacuum runs into the next storm's CPU figures
  const clearSets = async (...which: number[]) => {
    await db
      .deleteFrom('activity_checkins')
      .where(
        'activity_id',
        'in',
        which.flatMap((set) => sets[set]!),
      )
      .execute();
    await sql`VACUUM (ANALYZE) activity_checkins, sessions`.execute(db);
  };

  // warm-up (JIT, pool connections, catalog caches) on set 1, then cleared
  await storm('warm-up', pgCpu, order.slice(0, 300), scanWith(service, 1));
  await clearSets(1);

  // ---- baseline: bare single-row INSERTs, same pool (the app role's), same concurrency
  await sql`CREATE TABLE bench_bare_checkins (LIKE activity_checkins INCLUDING DEFAULTS INCLUDING IDENTITY
    INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db);
  await sql`GRANT SELECT, INSERT ON bench_bare_checkins TO civic_app`.execute(db);
  const bare = await storm('bare INSERTs', pgCpu, order, ({ v }) =>
    sql`INSERT INTO bench_bare_checkins (activity_id, volunteer_id, org_path, checked_in_at, in_method,
        in_latitude, in_longitude, in_distance_m)
      VALUES (${sets[0]![v.activity]!}, ${v.volunteerId}, ${v.orgPath}::ltree, now(), 'qr', ${v.latitude},
        ${v.longitude}, 12)`.execute(ctx.db.app),
  );
  const bareRows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_bare_checkins`.execute(db);
  await sql`TRUNCATE bench_bare_checkins`.execute(db);

  // ---- the storm, through the service the route calls
  const measured = await storm('service storm', pgCpu, order, scanWith(service, 0));
  const fresh = measured.results.filter((r) => (r as { alreadyDone: boolean }).alreadyDone === false).length;

  // ---- retries: 1,000 of them scan again (a flaky network, a double tap)
  const retried = await storm('retries', pgCpu, order.slice(0, RETRIES), scanWith(service, 0));
  const repeats = retried.results.filter((r) => (r as { alreadyDone: boolean }).alreadyDone === true).length;

  // ---- nothing lost, nothing twice
  const check = async (ids: number[]) => {
    const { rows } = await sql<{ rows: number; pairs: number; missing: number }>`
      SELECT (SELECT count(*) FROM activity_checkins WHERE activity_id = ANY (${ids}::bigint[]))::int AS rows,
        (SELECT count(DISTINCT (activity_id, volunteer_id)) FROM activity_checkins
          WHERE activity_id = ANY (${ids}::bigint[]))::int AS pairs,
        (SELECT count(*) FROM activity_signups s WHERE s.activity_id = ANY (${ids}::bigint[])
          AND NOT EXISTS (SELECT 1 FROM activity_checkins c
                          WHERE c.activity_id = s.activity_id AND c.volunteer_id = s.volunteer_id))::int AS missing`.execute(
      db,
    );
    return rows[0]!;
  };
  const serviceCheck = await check(sets[0]!);
  const serviceCorrect =
    serviceCheck.rows === volunteers.length &&
    serviceCheck.pairs === volunteers.length &&
    serviceCheck.missing === 0 &&
    fresh === volunteers.length &&
    repeats === RETRIES;

  // ---- through HTTP: the server and the bare baseline in processes of their own, loaded by wrk
  // the codes as the organisers' screens show them at the moment each HTTP run starts
  const signNow = (activityId: number) => signCheckinToken(key, activityId, 'in', new Date()).token;
  const http = await httpStorm(bench, { sets, volunteers, signNow, near, clearSets });
  await sql`DROP TABLE bench_bare_checkins`.execute(db);

  const line = (s: Storm, extra = '') =>
    `  ${s.label}: ${fmt(s)}, max ${s.max.toFixed(1)} ms${extra}\n    ${cpuLine(s)}`;
  const httpLine = (l: LoadResult, extra = '') =>
    `  ${l.label}: ${fmtLoad(l)}, ${l.requests.toLocaleString('en')} requests, ${refusals(l) || 'all 2xx'}, ` +
    `${l.socketErrors} socket errors; server CPU ${Math.round(l.cpuUsPerRequest)} µs/request, RSS max ` +
    `${l.rssMaxMb.toFixed(0)} MB${extra}`;
  console.log(
    [
      line(bare, ` (${bareRows.rows[0]!.n} rows)`),
      line(measured, `; ${fresh} new check-ins`),
      line(retried, `; ${repeats} of ${RETRIES} answered "already checked in"`),
      `  SQL check (rows / distinct / signed up but missing): service ${serviceCheck.rows} / ` +
        `${serviceCheck.pairs} / ${serviceCheck.missing}`,
      httpLine(http.bare, ` (${http.bareRows} rows)`),
      httpLine(http.route, `; ${http.route.fresh} answered as new check-ins`),
      `  SQL check of the HTTP storm: ${http.rows} rows, ${http.pairs} distinct, ${http.unanswered} written ` +
        `for requests still in flight when wrk stopped, ${http.lost} answered but missing`,
    ].join('\n'),
  );
  const ratio = http.route.rate / http.bare.rate;
  return [
    {
      workload: `check-in storm: ${volunteers.length} volunteers × ${sets[0]!.length} activities, ${IN_FLIGHT} in flight (scan service)`,
      measured: `${fmt(measured)}; ${serviceCorrect ? '0 lost, 0 duplicated, retries idempotent' : 'LOST OR DUPLICATED'}`,
      baseline: `${fmt(bare)} bare INSERT`,
      ratio: `${(measured.seconds / bare.seconds).toFixed(1)}× the time`,
      target: `≥ ${TARGET_RATE.toLocaleString('en')}/s, p99 < ${TARGET_P99_MS} ms, none lost or duplicated`,
      met: serviceCorrect && measured.rate >= TARGET_RATE && measured.p99 < TARGET_P99_MS,
    },
    {
      workload: `QR check-in through HTTP: POST /api/me/checkin, wrk ${HTTP_CONNECTIONS} connections, ${HTTP_SECONDS} s, server process`,
      measured: `${fmtLoad(http.route)}; ${http.correct ? '0 lost, 0 duplicated, all 200' : 'LOST, DUPLICATED OR REFUSED'}`,
      baseline: `${fmtLoad(http.bare)} bare Fastify route doing one INSERT`,
      ratio: `${ratio.toFixed(2)}× bare`,
      target: `≥ ${TARGET_HTTP_RATIO}× bare, none lost or duplicated`,
      met: http.correct && ratio >= TARGET_HTTP_RATIO,
    },
  ];
}

const HTTP_CONNECTIONS = IN_FLIGHT;

/**
 * The HTTP storm: warm-up on set 1, then HTTP_SECONDS of check-ins into sets 2 … (each request a
 * volunteer not yet checked in there), against the server process and against the bare process.
 */
async function httpStorm(
  bench: Bench,
  s: {
    sets: number[][];
    volunteers: Volunteer[];
    signNow: (activityId: number) => string;
    near: (v: Volunteer, i: number) => { latitude: number; longitude: number; accuracy: number };
    clearSets: (...which: number[]) => Promise<void>;
  },
) {
  const { ctx } = bench;
  const db = ctx.db.system;
  const measuredSets = s.sets.slice(2);
  const measuredIds = measuredSets.flat();
  // the volunteers have just opened the H5 page the QR code leads to (sessions touched a moment ago)
  await sql`UPDATE sessions SET last_seen_at = now()
    WHERE id = ANY (${s.volunteers.map((v) => sessionIdOf(v.token))}::text[])`.execute(db);
  // built right before each run: a code is good for its period and the next (at least 30 s)
  const requestsInto = (setNos: number[]) => {
    const codes = new Map<number, string>();
    const codeOf = (activityId: number) => {
      if (!codes.has(activityId)) codes.set(activityId, s.signNow(activityId));
      return codes.get(activityId)!;
    };
    const order = shuffled(
      setNos.flatMap((set) => s.volunteers.map((v) => ({ v, set }))),
      20261207 + setNos[0]!,
    );
    return order.map(({ v, set }, i) => {
      const activityId = s.sets[set]![v.activity]!;
      return {
        checkin: {
          method: 'POST' as const,
          path: '/api/me/checkin',
          headers: {
            Cookie: `${SESSION_COOKIE}=${v.token}; ${CSRF_COOKIE}=${v.csrf}`,
            'X-CSRF-Token': v.csrf,
          },
          body: { token: codeOf(activityId), ...s.near(v, i) },
        },
        activityId,
        v,
      };
    });
  };
  const measuredSetNos = measuredSets.map((_, k) => k + 2);
  const volunteersInStorm = measuredSetNos.length * s.volunteers.length;
  // the baseline gets the same headers and bodies (what it parses), and what it inserts; beyond the
  // prepared requests it goes on with made-up volunteers (its table has no foreign keys)
  const bareRequests = (from: ReturnType<typeof requestsInto>, count: number): PreparedRequest[] =>
    Array.from({ length: count }, (_, k) => {
      const r = from[k % from.length]!;
      return {
        ...r.checkin,
        path: '/bare/checkin',
        body: {
          ...(r.checkin.body as object),
          activityId: r.activityId,
          volunteerId: k < from.length ? r.v.volunteerId : 1e9 + k,
          orgPath: r.v.orgPath,
        },
      };
    });

  const server = await startServer(
    MAIN,
    {
      NODE_ENV: 'production',
      DATABASE_URL: ctx.config.databaseUrl!,
      FIELD_ENCRYPTION_KEY: ctx.config.fieldEncryptionKey!,
      HOST: '127.0.0.1',
      PORT: '0',
      // request logging off (as for the bare baseline): at info pino writes two lines a request
      LOG_LEVEL: 'warn',
    },
    /已启动：http:\/\/[^/]+:(\d+)\//,
  );
  let route: LoadResult;
  try {
    await loadRequests(
      'warm-up',
      server,
      requestsInto([1]).map((r) => r.checkin),
      { seconds: 2, connections: HTTP_CONNECTIONS },
    );
    route = await loadRequests(
      'HTTP route (wrk → src/main.ts)',
      server,
      requestsInto(measuredSetNos).map((r) => r.checkin),
      { seconds: HTTP_SECONDS, connections: HTTP_CONNECTIONS },
    );
  } finally {
    await server.stop();
  }
  // every check-in answered is there once; the server may have finished a few that wrk stopped
  // waiting for (it stops at its deadline with requests in flight)
  const { rows } = await sql<{ rows: number; pairs: number }>`
    SELECT count(*)::int AS rows, count(DISTINCT (activity_id, volunteer_id))::int AS pairs
    FROM activity_checkins WHERE activity_id = ANY (${measuredIds}::bigint[])`.execute(db);
  const written = rows[0]!;
  const lost = Math.max(0, route.fresh - written.rows);
  const unanswered = Math.max(0, written.rows - route.fresh);

  const appUrl = withCredentials(
    ctx.config.databaseUrl!,
    APP_ROLE,
    ctx.cipher.derive('database-app-role').toString('hex'),
  );
  const bareServer: Server = await startServer(BARE, { BARE_DATABASE_URL: appUrl }, /port (\d+)/);
  let bare: LoadResult;
  let bareRows: number;
  try {
    const warmUp = requestsInto([1]);
    await loadRequests('warm-up', bareServer, bareRequests(warmUp, warmUp.length), {
      seconds: 2,
      connections: HTTP_CONNECTIONS,
    });
    await sql`TRUNCATE bench_bare_checkins`.execute(db);
    bare = await loadRequests(
      'bare Fastify INSERT (wrk → bare-insert-server.ts)',
      bareServer,
      bareRequests(requestsInto(measuredSetNos), 4 * volunteersInStorm),
      {
        seconds: HTTP_SECONDS,
        connections: HTTP_CONNECTIONS,
      },
    );
    bareRows = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_bare_checkins`.execute(db))
      .rows[0]!.n;
  } finally {
    await bareServer.stop();
  }
  await s.clearSets(1);
  const allAnswered = (l: LoadResult) => refusals(l) === '' && l.socketErrors === 0 && !l.exhausted;
  const correct =
    allAnswered(route) &&
    allAnswered(bare) &&
    route.fresh === route.requests &&
    written.pairs === written.rows &&
    lost === 0 &&
    unanswered <= HTTP_CONNECTIONS;
  return { route, bare, bareRows, rows: written.rows, pairs: written.pairs, lost, unanswered, correct };
}
