// The demo county's points: the centre's 积分管理办法 (DEFAULT_POINT_RULES: 以时长为基础、服务评价为
// 补充) and a local rule of the demo institute within the centre's bound, then the ledger every
// confirmed service record of the seed earns — computed by the same plannedAwards and rule choice
// the award handler uses, so it is exactly what confirming them on the platform would have
// written — with a few manual adjustments and one large adjustment waiting for a second person.
// One bulk insert per table; every balance is its last entry's, so points:verify holds.
import { sql } from 'kysely';
import { DEFAULT_POINT_RULES } from '@civic/contracts';
import type { Tx } from '../platform/db/database.ts';
import {
  awardKey,
  chinaDay,
  pickRules,
  plannedAwards,
  RECORD_SOURCE,
  storedRuleOf,
} from '../modules/points/index.ts';
import { bulkInsert, columns } from './bulk-insert.ts';

const DAY_MS = 86_400_000;
/** The county's rules reach back over every year of history the seed holds (终身积分). */
const COUNTY_RULES_FROM = '2000-01-01';

interface Entry {
  holder_id: number;
  holder_org_path: string;
  org_path: string;
  kind: 'award' | 'adjust';
  rule_kind: string;
  delta: number;
  lifetime_delta: number;
  balance_after: number;
  lifetime_after: number;
  rule_id: number | null;
  rule_version: number | null;
  source_type: string;
  source_id: number | null;
  idem_key: string;
  reason: string;
  occurred_at: Date;
  created_by: number | null;
}

export async function insertDemoPoints(
  tx: Tx,
  now: Date,
): Promise<{ pointRules: number; pointEntries: number; pointAdjustments: number }> {
  const users = await tx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['demo-center', 'demo-institute', 'demo-station'])
    .execute();
  const userId = (name: string) => users.find((u) => u.username === name)!.id;
  const orgOf = async (username: string) =>
    (
      await tx
        .selectFrom('users as u')
        .innerJoin('orgs as o', 'o.id', 'u.org_id')
        .select(sql<string>`o.path::text`.as('path'))
        .where('u.username', '=', username)
        .executeTakeFirstOrThrow()
    ).path;
  const centrePath = await orgOf('demo-center');
  const institutePath = await orgOf('demo-institute');
  const stationPath = await orgOf('demo-station');
  const yearStart = `${chinaDay(now).slice(0, 4)}-01-01`;

  await bulkInsert(
    tx,
    'point_rules',
    columns(`org_path ltree, kind text, points int, max_points int, note text, valid_from date,
      created_by bigint, created_at timestamptz, updated_at timestamptz`),
    [
      ...DEFAULT_POINT_RULES.map((r) => ({
        org_path: centrePath,
        kind: r.kind,
        points: r.points,
        max_points: r.maxPoints,
        note: r.note,
        valid_from: COUNTY_RULES_FROM,
        created_by: userId('demo-center'),
        created_at: now,
        updated_at: now,
      })),
      // a local rule within the centre's bound (20): 城北街道 values 我们的节日 activities more this year
      {
        org_path: institutePath,
        kind: 'festival',
        points: 15,
        max_points: null,
        note: '本街道“我们的节日”主题活动另加 15 分（本年度）',
        valid_from: yearStart,
        created_by: userId('demo-institute'),
        created_at: now,
        updated_at: now,
      },
    ],
  );
  const rules = (
    await tx
      .selectFrom('point_rules')
      .select([
        'id',
        'kind',
        'points',
        'version',
        'valid_from',
        'valid_to',
        sql<string>`org_path::text`.as('org_path'),
      ])
      .execute()
  ).map(storedRuleOf);

  const records = await tx
    .selectFrom('service_records as r')
    .innerJoin('volunteers as v', 'v.id', 'r.volunteer_id')
    .leftJoin('activities as a', (j) => j.onRef('a.id', '=', 'r.source_id').on('r.source', '=', 'activity'))
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('orders as o', (j) => j.onRef('o.id', '=', 'r.source_id').on('r.source', '=', 'order'))
    .select([
      'r.id',
      'r.volunteer_id',
      'r.hours',
      'r.source',
      'r.source_id',
      'r.kind',
      'r.started_at',
      'r.reviewed_by',
      sql<Date>`coalesce(r.reviewed_at, r.created_at)`.as('confirmed_at'),
      sql<string>`r.org_path::text`.as('org_path'),
      sql<string>`v.org_path::text`.as('holder_org_path'),
      'a.title',
      'a.festival',
      't.kind as team_kind',
      'o.order_no',
      'o.rating',
    ])
    .where('r.status', '=', 'confirmed')
    .orderBy('r.volunteer_id')
    .orderBy(sql`coalesce(r.reviewed_at, r.created_at)`)
    .orderBy('r.id')
    .execute();

  const entries: Entry[] = [];
  // the running balance and lifetime are filled in once every holder's entries are in order
  const append = (e: Omit<Entry, 'balance_after' | 'lifetime_after' | 'lifetime_delta'>) =>
    entries.push({ ...e, lifetime_delta: Math.max(e.delta, 0), balance_after: 0, lifetime_after: 0 });
  for (const r of records) {
    const label = r.source === 'activity' ? r.title : r.source === 'order' ? r.order_no : null;
    const planned = plannedAwards(pickRules(rules, r.org_path, chinaDay(new Date(r.started_at))), {
      hours: Number(r.hours),
      source: r.source,
      kind: r.kind,
      sourceLabel: label,
      festival: r.festival !== null,
      professional: r.team_kind === 'professional',
      rating: r.rating,
    });
    for (const award of planned) {
      append({
        holder_id: r.volunteer_id,
        holder_org_path: r.holder_org_path,
        org_path: r.org_path,
        kind: 'award',
        rule_kind: award.ruleKind,
        delta: award.points,
        rule_id: award.rule.id,
        rule_version: award.rule.version,
        source_type: RECORD_SOURCE,
        source_id: r.id,
        idem_key: awardKey(r.id, award.ruleKind, 1),
        reason: award.reason,
        occurred_at: new Date(r.confirmed_at),
        created_by: r.reviewed_by,
      });
    }
  }

  // manual adjustments by the demo station: two in force, one large one waiting for a second person
  const demoVolunteers = await tx
    .selectFrom('volunteers')
    .select(['id', sql<string>`org_path::text`.as('org_path')])
    .where(sql<boolean>`org_path <@ ${stationPath}::ltree`)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(3)
    .execute();
  const adjustments = [
    { points: 30, reason: '担任社区志愿服务培训讲师（线下签到表为证）', status: 'confirmed' },
    { points: -10, reason: '重复登记的服务已核减', status: 'confirmed' },
    { points: 200, reason: '年度优秀志愿者奖励积分（待第二人确认）', status: 'pending' },
  ].slice(0, demoVolunteers.length);
  const stationAdmin = userId('demo-station');
  const adjustedAt = new Date(now.getTime() - 2 * DAY_MS);
  const adjustmentRows = await bulkInsert(
    tx,
    'point_adjustments',
    columns(`holder_type text, holder_id bigint, org_path ltree, points int, reason text, status text,
      created_by bigint, created_at timestamptz, decided_by bigint, decided_at timestamptz`),
    adjustments.map((a, i) => ({
      holder_type: 'volunteer',
      holder_id: demoVolunteers[i]!.id,
      org_path: demoVolunteers[i]!.org_path,
      points: a.points,
      reason: a.reason,
      status: a.status,
      created_by: stationAdmin,
      created_at: adjustedAt,
      decided_by: a.status === 'confirmed' ? stationAdmin : null,
      decided_at: a.status === 'confirmed' ? adjustedAt : null,
    })),
    ['id'],
  );
  adjustments.forEach((a, i) => {
    if (a.status !== 'confirmed') return;
    const holder = demoVolunteers[i]!;
    const id = Number(adjustmentRows[i]!.id);
    append({
      holder_id: holder.id,
      holder_org_path: holder.org_path,
      org_path: stationPath,
      kind: 'adjust',
      rule_kind: 'manual',
      delta: a.points,
      rule_id: null,
      rule_version: null,
      source_type: 'adjustment',
      source_id: id,
      idem_key: `adjust:${id}`,
      reason: a.reason,
      occurred_at: adjustedAt,
      created_by: stationAdmin,
    });
  });
  // one holder's entries in order, so each entry's id follows the one before it; an award's points
  // and a positive adjustment's count to the lifetime points, as post_points counts them
  entries.sort((a, b) => a.holder_id - b.holder_id || a.occurred_at.getTime() - b.occurred_at.getTime());
  const totals = new Map<number, { balance: number; lifetime: number }>();
  for (const e of entries) {
    const t = totals.get(e.holder_id) ?? { balance: 0, lifetime: 0 };
    t.balance += e.delta;
    t.lifetime += e.lifetime_delta;
    e.balance_after = t.balance;
    e.lifetime_after = t.lifetime;
    totals.set(e.holder_id, t);
  }
  await bulkInsert(
    tx,
    'point_entries',
    columns(`holder_type text, holder_id bigint, holder_org_path ltree, org_path ltree, kind text,
      rule_kind text, delta int, lifetime_delta int, balance_after int, lifetime_after int, rule_id bigint,
      rule_version int, source_type text, source_id bigint, idem_key text, reason text,
      occurred_at timestamptz, created_by bigint, created_at timestamptz`),
    entries.map((e) => ({ ...e, holder_type: 'volunteer', created_at: e.occurred_at })),
  );
  await sql`
    UPDATE point_adjustments a SET entry_id = e.id
      FROM point_entries e
     WHERE e.source_type = 'adjustment' AND e.source_id = a.id AND a.status = 'confirmed'`.execute(tx);
  await sql`
    INSERT INTO point_balances (holder_type, holder_id, org_path, balance, lifetime, updated_at)
    SELECT DISTINCT ON (holder_id) 'volunteer', holder_id, holder_org_path, balance_after, lifetime_after,
           occurred_at
      FROM point_entries ORDER BY holder_id, id DESC`.execute(tx);
  return {
    pointRules: rules.length,
    pointEntries: entries.length,
    pointAdjustments: adjustments.length,
  };
}
