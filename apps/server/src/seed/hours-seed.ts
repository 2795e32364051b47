// The demo county's hours from before the platform: every volunteer the generator gives prior hours
// gets an opening record (历史时长) for them — from another system's export or the village's paper
// register, over the years before they joined — entered by the institute and confirmed by the
// centre, like a real migration. A handful in the demo station still wait for a second person. Then
// every lifetime total is set to the sum of the confirmed records, so hours:verify holds.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import { bulkInsert, columns } from './bulk-insert.ts';
import { mulberry32 } from './county-data.ts';
import type { PriorHours } from './volunteers-seed.ts';

const DAY_MS = 86_400_000;
/** opening records left pending in the demo station, for a second admin to confirm */
const PENDING_IN_DEMO_STATION = 6;

const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function insertOpeningBalances(
  tx: Tx,
  prior: PriorHours[],
  demoStationPath: string,
): Promise<{ openingRecords: number; openingHours: number }> {
  const rng = mulberry32(1808);
  const users = await tx
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', 'in', ['demo-institute', 'demo-center'])
    .execute();
  const enterer = users.find((u) => u.username === 'demo-institute')!;
  const reviewer = users.find((u) => u.username === 'demo-center')!;
  // the demo volunteer's own history is confirmed: H5 shows it at once
  const demoVolunteer = await tx
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select('v.id')
    .where('u.username', '=', 'demo-volunteer')
    .executeTakeFirst();
  const stations = await tx
    .selectFrom('orgs')
    .select(['path', 'short_name', 'name'])
    .where('kind', '=', 'station')
    .execute();
  const stationName = new Map(stations.map((s) => [s.path, s.short_name || s.name]));
  const stationOf = (orgPath: string) => {
    for (let path = orgPath; path; path = path.split('.').slice(0, -1).join('.')) {
      const name = stationName.get(path);
      if (name) return name;
    }
    return '本村';
  };

  let pendingLeft = PENDING_IN_DEMO_STATION;
  const rows = prior.map((p) => {
    const roll = rng();
    const [origin, originName] =
      roll < 0.45
        ? ['system', '志愿汇']
        : roll < 0.65
          ? ['system', '全国志愿服务信息系统']
          : ['register', `${stationOf(p.orgPath)}志愿服务登记簿`];
    const years = Math.min(8, Math.max(1, Math.ceil(p.hours / 150) + Math.floor(rng() * 3)));
    const to = chinaDay(new Date(p.joinedAt.getTime() - DAY_MS));
    const from = `${Number(to.slice(0, 4)) - years}-${to.slice(5)}`.replace('-02-29', '-02-28');
    const pending =
      pendingLeft > 0 &&
      p.orgPath.startsWith(demoStationPath) &&
      p.volunteerId !== demoVolunteer?.id &&
      rng() < 0.5;
    if (pending) pendingLeft -= 1;
    return {
      volunteer_id: p.volunteerId,
      org_path: p.orgPath,
      source: 'opening',
      kind: 'opening',
      status: pending ? 'pending' : 'confirmed',
      started_at: new Date(`${from}T00:00:00+08:00`),
      ended_at: new Date(`${to}T23:59:00+08:00`),
      minutes: Math.round(p.hours * 60),
      hours: p.hours,
      note: origin === 'system' ? '原平台导出的累计服务时长' : '按登记簿逐年合计',
      origin,
      origin_name: originName,
      created_by: enterer.id,
      created_at: p.joinedAt,
      reviewed_by: pending ? null : reviewer.id,
      reviewed_at: pending ? null : p.joinedAt,
      updated_at: p.joinedAt,
    };
  });
  // the trigger's per-row update of volunteers, done once for all below (undone with the
  // transaction if anything fails; in force again before the seed commits)
  await sql`ALTER TABLE service_records DISABLE TRIGGER service_records_lifetime_hours`.execute(tx);
  const inserted = await bulkInsert(
    tx,
    'service_records',
    columns(`
      volunteer_id bigint, org_path ltree, source text, kind text, status text, started_at timestamptz,
      ended_at timestamptz, minutes int, hours numeric, note text, origin text, origin_name text,
      created_by bigint, created_at timestamptz, reviewed_by bigint, reviewed_at timestamptz,
      updated_at timestamptz`),
    rows,
    ['id'],
  );
  const ids = inserted.map((r) => Number(r.id));
  // planner statistics for the rows just loaded (the total below took 4.5 s planned without them)
  await sql`ANALYZE service_records`.execute(tx);
  await sql`
    INSERT INTO service_record_events
      (record_id, org_path, action, from_hours, to_hours, reason, actor_user_id, actor_name, created_at)
    SELECT r.id, r.org_path, 'create', NULL, r.hours, '历史时长导入：' || r.origin_name,
           ${enterer.id}::bigint, ${enterer.display_name}::text, r.created_at
      FROM service_records r WHERE r.id = ANY(${ids}::bigint[])
    UNION ALL
    SELECT r.id, r.org_path, 'confirm', r.hours, r.hours, NULL, ${reviewer.id}::bigint, ${reviewer.display_name}::text,
           r.reviewed_at
      FROM service_records r WHERE r.id = ANY(${ids}::bigint[]) AND r.status = 'confirmed'`.execute(tx);
  await sql`
    UPDATE volunteers v SET lifetime_hours = s.hours
      FROM (SELECT v2.id, coalesce((SELECT sum(r.hours) FROM service_records r
                                     WHERE r.volunteer_id = v2.id AND r.status = 'confirmed'), 0) AS hours
              FROM volunteers v2) s
     WHERE s.id = v.id AND v.lifetime_hours <> s.hours`.execute(tx);
  await sql`ALTER TABLE service_records ENABLE TRIGGER service_records_lifetime_hours`.execute(tx);
  return {
    openingRecords: rows.length,
    openingHours: Math.round(rows.reduce((sum, r) => sum + r.hours, 0) * 10) / 10,
  };
}
