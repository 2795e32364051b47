// The demo county: seeded once into an empty database outside production, so `npm start` shows a
// living county on first run. Modelled on 西乡县 (seed 004): 17 institutes, 215 village/community
// stations, points, posts, bases, the five platforms, the site-standard presets with a year of
// inspections, about 3,000 volunteers in the 总队/大队/中队 team tree, the "文明实践365" projects
// with the service menu, a year of activities (plans, check-ins, service hours), and one demo
// account per role.
import { sql } from 'kysely';
import { PLATFORM_LABELS, type Role } from '@civic/contracts';
import { appendAudit } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { phoneIndex } from '../platform/personal-data.ts';
import { insertPresetStandards } from '../modules/orgs/index.ts';
import { generateInitialPassword } from '../modules/accounts/index.ts';
import { backfillMilestones } from '../modules/honours/index.ts';
import { replaceRankingRollups, replaceRollup, suspendRankingTriggers } from '../modules/assessment/index.ts';
import { buildCountyOrgs, mobilePhone, mulberry32, personName, PLATFORM_LEADS } from './county-data.ts';
import { insertVolunteersAndTeams, linkVolunteerUser, squadronLeaderOf } from './volunteers-seed.ts';
import { insertProjectsAndMenu } from './projects-seed.ts';
import { insertDemoOrders } from './orders-seed.ts';
import { insertDemoActivities } from './activities-seed.ts';
import { insertOpeningBalances } from './hours-seed.ts';
import { insertDemoCertificates } from './certificates-seed.ts';
import { insertSelfLogs } from './self-log-seed.ts';
import { insertDemoPoints } from './points-seed.ts';
import { insertDemoStore } from './store-seed.ts';
import { insertDemoHonours } from './honours-seed.ts';
import { insertDemoCardPhotos } from './card-photo-seed.ts';
import { insertDemoHouseholds } from './households-seed.ts';
import { insertDemoBulletins } from './assessment-seed.ts';
import { insertDemoTasks } from './tasks-seed.ts';
import { insertDemoPublicity } from './publicity-seed.ts';
import { insertDemoTrainings } from './trainings-seed.ts';
import type { OrgRef } from './org-ref.ts';

export interface DemoAccount {
  username: string;
  role: Role;
  orgName: string;
}

export interface SeedResult {
  seeded: boolean;
  password?: string;
  accounts?: DemoAccount[];
}

export async function seedDemoIfEmpty(ctx: AppContext, demoPassword?: string): Promise<SeedResult> {
  const db = ctx.db.system;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM orgs`.execute(db);
  if ((rows[0]?.n ?? 0) > 0) return { seeded: false };
  const password = demoPassword ?? generateInitialPassword();
  const passwordHash = await hashPassword(password);
  const accounts = await db.transaction().execute(async (tx) => {
    // serialise with any other server seeding the same empty database
    await sql`SELECT pg_advisory_xact_lock(7270002)`.execute(tx);
    const again = await sql<{ n: number }>`SELECT count(*)::int AS n FROM orgs`.execute(tx);
    if ((again.rows[0]?.n ?? 0) > 0) return null;
    // the rankings' rollups are recomputed from everything below at the end (replaceRankingRollups)
    await suspendRankingTriggers(tx);
    const orgs = await insertOrgs(ctx, tx);
    const center = orgs.find((o) => o.kind === 'center')!;
    await insertPlatforms(ctx, tx, center);
    await insertPresetStandards(tx, { id: center.id, path: center.path });
    await insertInspections(tx, orgs);
    const { prior, ...people } = await insertVolunteersAndTeams(ctx, tx, orgs);
    const projects = await insertProjectsAndMenu(ctx, tx, orgs);
    const orders = await insertDemoOrders(ctx, tx);
    const demo = await insertDemoAccounts(ctx, tx, orgs, passwordHash);
    // after the accounts: the demo station, the demo volunteer and the reviewers are known
    const activities = await insertDemoActivities(ctx, tx);
    // last: hours from before the platform as opening records, then every total from the records
    const demoStation = orgs.find(
      (o) => o.kind === 'station' && o.parentId === orgs.find((i) => i.kind === 'institute')!.id,
    )!;
    const openings = await insertOpeningBalances(tx, prior, demoStation.path);
    // after every hour is confirmed: certificates of the past year, one of them revoked
    const certificates = await insertDemoCertificates(ctx, tx);
    // the volunteers' own logs (随时记), counted by the lifetime-hours trigger when confirmed
    const selfLogs = await insertSelfLogs(tx, demoStation.path, ctx.now());
    // after every confirmed record: the ledger they earned under the county's rules
    const points = await insertDemoPoints(tx, ctx.now());
    // after the points: the store's redemptions spend from the ledger
    const store = await insertDemoStore(ctx, tx, demoStation);
    // the privileges of star volunteers (the yearly lists are computed from the hours and ledger)
    const honours = await insertDemoHonours(tx, ctx.now(), demoStation, center);
    // the milestones (时长里程碑) every confirmed record above reached, dated by the confirmation
    const hourMilestones = await backfillMilestones(tx);
    // photos on a few volunteer cards (demo-volunteer's among them); the others show the initial
    const cardPhotos = await insertDemoCardPhotos(tx, ctx.now(), demoStation);
    // the household registers of three villages and their civic points (群众文明积分)
    const households = await insertDemoHouseholds(ctx, tx, center, demoStation);
    // the centre's and demo-institute's work tasks, with reports in every state (调度任务)
    const tasks = await insertDemoTasks(tx, ctx.now(), demoStation);
    // the towns' publicity pieces of this year and last, some meeting every quota (宣传稿件); before
    // the bulletins, which count them
    const publicity = await insertDemoPublicity(tx, ctx.now(), orgs, { id: demoStation.parentId! });
    // this year's and last year's trainings of the centre and the institutes, with attendance (培训)
    const trainings = await insertDemoTrainings(tx, ctx.now(), orgs);
    // last: the per-org per-day rollup of everything above, rebuilt from the recorded facts
    const factRows = await replaceRollup(tx);
    // and the rankings' per-volunteer and per-team monthly rollups (实践排行)
    const rankingRows = await replaceRankingRollups(tx);
    // on the rollup: last month's and last quarter's bulletins, and a reward allocation
    const assessment = await insertDemoBulletins(ctx, tx, orgs);
    await appendAudit(
      tx,
      {
        actor: null,
        action: 'system.seed',
        resourceType: 'system',
        orgId: center.id,
        orgPath: center.path,
        summary: {
          orgs: orgs.length,
          ...people,
          ...projects,
          ...orders,
          ...activities,
          ...openings,
          ...certificates,
          ...selfLogs,
          ...points,
          ...store,
          ...honours,
          hourMilestones,
          ...cardPhotos,
          ...households,
          ...tasks,
          ...publicity,
          ...trainings,
          orgDayFacts: factRows,
          ...assessment,
          rankingFacts: rankingRows,
        },
      },
      ctx.now(),
    );
    return demo;
  });
  if (!accounts) return { seeded: false };
  return { seeded: true, password, accounts };
}

async function insertOrgs(ctx: AppContext, tx: Tx): Promise<OrgRef[]> {
  const seedOrgs = buildCountyOrgs();
  const byCode = new Map<string, OrgRef>();
  const rows = seedOrgs.map((o, index) => {
    const id = index + 1;
    const parent = o.parentCode ? byCode.get(o.parentCode) : undefined;
    const path = parent ? `${parent.path}.${id}` : String(id);
    byCode.set(o.code, { id, path, name: o.name, kind: o.kind, parentId: parent?.id ?? null });
    return {
      id,
      parent_id: parent?.id ?? null,
      path,
      code: o.code,
      name: o.name,
      short_name: o.shortName,
      kind: o.kind,
      resident_population: o.residentPopulation,
      address: o.address,
      latitude: o.latitude,
      longitude: o.longitude,
      head_name: o.headName,
      head_title: o.headTitle,
      deputy_name: o.deputyName,
      contact_name: o.contactName,
      contact_phone_enc: ctx.cipher.encrypt(o.contactPhone),
      founded_on: o.foundedOn,
      opening_hours: o.openingHours,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('orgs')
      .values(rows.slice(i, i + 500))
      .execute();
  await sql`SELECT setval(pg_get_serial_sequence('orgs', 'id'), (SELECT max(id) FROM orgs))`.execute(tx);
  return [...byCode.values()];
}

async function insertPlatforms(ctx: AppContext, tx: Tx, center: OrgRef) {
  await tx
    .insertInto('platforms')
    .values(
      PLATFORM_LEADS.map((p) => ({
        center_id: center.id,
        org_path: center.path,
        platform: p.platform,
        name: PLATFORM_LABELS[p.platform],
        lead_unit: p.leadUnit,
        contact_name: p.contactName,
        contact_phone_enc: ctx.cipher.encrypt(p.contactPhone),
        description: p.description,
      })),
    )
    .execute();
}

/** A year of site inspections against 八有 so the coverage view has something to show. */
async function insertInspections(tx: Tx, orgs: OrgRef[]) {
  const standard = await tx
    .selectFrom('site_standards')
    .select(['id', 'name', 'pass_score'])
    .where('code', '=', 'bayou')
    .executeTakeFirst();
  if (!standard) return;
  const items = await tx
    .selectFrom('site_standard_items')
    .selectAll()
    .where('standard_id', '=', standard.id)
    .orderBy('seq')
    .execute();
  const totalWeight = items.reduce((s, i) => s + i.weight, 0);
  const rng = mulberry32(20260301);
  const stations = orgs.filter((o) => o.kind === 'station');
  for (const station of stations) {
    if (rng() > 0.7) continue; // about 30% not yet inspected this year
    const results = items.map((item) => ({ item, passed: rng() > 0.12 }));
    const score = Math.round(
      (100 * results.filter((r) => r.passed).reduce((s, r) => s + r.item.weight, 0)) / totalWeight,
    );
    const month = 1 + Math.floor(rng() * 10);
    const day = 1 + Math.floor(rng() * 27);
    const inspection = await tx
      .insertInto('inspections')
      .values({
        org_id: station.id,
        org_path: station.path,
        standard_id: standard.id,
        standard_name: standard.name,
        score,
        passed: score >= standard.pass_score,
        inspector: personName(rng),
        inspected_on: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        note: score >= standard.pass_score ? '阵地建设达标，资料齐全。' : '部分项目未达标，已下发整改通知。',
        created_by: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('inspection_results')
      .values(
        results.map(({ item, passed }) => ({
          inspection_id: inspection.id,
          org_path: station.path,
          item_id: item.id,
          seq: item.seq,
          title: item.title,
          weight: item.weight,
          passed,
          note: passed ? null : '待整改',
        })),
      )
      .execute();
  }
}

async function insertDemoAccounts(
  ctx: AppContext,
  tx: Tx,
  orgs: OrgRef[],
  passwordHash: string,
): Promise<DemoAccount[]> {
  const center = orgs.find((o) => o.kind === 'center')!;
  const institutes = orgs.filter((o) => o.kind === 'institute');
  const firstInstitute = institutes[0]!;
  const stationUnder = (institute: OrgRef) =>
    orgs.find((o) => o.kind === 'station' && o.parentId === institute.id)!;
  const station = stationUnder(firstInstitute);
  const station2 = stationUnder(institutes[1]!);
  const plan: Array<[string, Role, OrgRef]> = [
    ['demo-center', 'center_admin', center],
    ['demo-institute', 'institute_admin', firstInstitute],
    ['demo-station', 'station_admin', station],
    ['demo-station2', 'station_admin', station2],
    ['demo-leader', 'team_leader', station],
    ['demo-volunteer', 'volunteer', station],
    ['demo-resident', 'resident', station],
    ['demo-security', 'security_admin', center],
    ['demo-audit', 'audit_admin', center],
  ];
  // demo-volunteer signs in as the volunteer who leads the demo station's 中队; demo-leader, the
  // console's team leader, leads the same team (their data scope)
  const volunteer = await squadronLeaderOf(ctx, tx, station.id);
  const rng = mulberry32(4242);
  // the first created user is the seed's system actor (created_by of seeded inspections)
  const users = await tx
    .insertInto('users')
    .values(
      plan.map(([username, role, org]) => {
        const drawn = { phone: mobilePhone(rng), name: personName(rng) };
        const { phone, name } = username === 'demo-volunteer' ? volunteer : drawn;
        return {
          username,
          display_name: name,
          phone_enc: ctx.cipher.encrypt(phone),
          phone_index: phoneIndex(ctx.cipher, phone),
          password_hash: passwordHash,
          password_changed_at: ctx.now(),
          must_change_password: false,
          role,
          org_id: org.id,
          org_path: org.path,
          team_id: username === 'demo-leader' ? volunteer.teamId : null,
        };
      }),
    )
    .returning(['id', 'username'])
    .execute();
  const volunteerUser = users.find((u) => u.username === 'demo-volunteer');
  if (volunteerUser) await linkVolunteerUser(tx, volunteer.id, Number(volunteerUser.id));
  return plan.map(([username, role, org]) => ({ username, role, orgName: org.name }));
}
