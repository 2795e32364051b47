// The demo station's 随时记: volunteers' own service logs — most waiting for the station's review,
// some confirmed, one rejected with a reason — including the demo volunteer's, so H5 shows every
// status. Times are whole evenings of the last days before the seed's "now" (China time), away from
// activities; the same database content for the same now.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';

const DAY_MS = 86_400_000;

/** [days ago, start hour (China time), minutes, what, where, status, reject reason] */
const LOGS: Array<[number, number, number, string, string, 'pending' | 'confirmed' | 'rejected', string?]> = [
  [1, 19, 60, '帮独居的王奶奶买菜、打扫院子', '东风社区 3 号楼', 'pending'],
  [2, 18, 90, '清理小区楼道小广告和杂物', '东风社区 5 号楼楼道', 'pending'],
  [2, 19, 45, '陪李大爷去卫生院取药', '城北街道卫生院', 'pending'],
  [3, 18, 120, '给社区文化广场的健身器材擦洗消毒', '东风社区文化广场', 'pending'],
  [4, 19, 60, '劝导电动车规范停放', '东风社区北门', 'pending'],
  [5, 18, 60, '帮邻居修理漏水的水龙头', '东风社区 8 号楼', 'confirmed'],
  [6, 19, 90, '为社区老人讲解防电信诈骗知识', '东风社区活动室', 'confirmed'],
  [8, 18, 30, '捡拾河边垃圾', '城北河滨步道', 'rejected', '同一时段已有活动签到记录，请勿重复登记'],
];

export async function insertSelfLogs(
  tx: Tx,
  demoStationPath: string,
  now: Date,
): Promise<{ selfLogs: number }> {
  const reviewer = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'demo-station')
    .executeTakeFirstOrThrow();
  const demoVolunteer = await tx
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.org_path', 'v.user_id', 'v.name'])
    .where('u.username', '=', 'demo-volunteer')
    .executeTakeFirstOrThrow();
  // the demo volunteer and the station's first active volunteers by id
  const others = await tx
    .selectFrom('volunteers')
    .select(['id', 'org_path', 'user_id', 'name'])
    .where(sql<boolean>`org_path <@ ${demoStationPath}::ltree`)
    .where('status', '=', 'active')
    .where('id', '<>', demoVolunteer.id)
    .orderBy('id')
    .limit(5)
    .execute();
  const people = [demoVolunteer, ...others];
  // midnight of today in China time
  const today = Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
  let count = 0;
  for (const [i, [daysAgo, hour, minutes, what, where, status, reason]] of LOGS.entries()) {
    // the demo volunteer has one of each status: the pending first, the confirmed and rejected last
    const person = i === 0 || i === 5 || i === 7 ? demoVolunteer : people[1 + (i % (people.length - 1))]!;
    const startedAt = new Date(today - daysAgo * DAY_MS + hour * 3_600_000);
    const endedAt = new Date(startedAt.getTime() + minutes * 60_000);
    const createdAt = new Date(endedAt.getTime() + 30 * 60_000);
    const reviewedAt = status === 'pending' ? null : new Date(createdAt.getTime() + DAY_MS / 2);
    const hours = Math.floor(minutes / 30) / 2;
    const row = await tx
      .insertInto('service_records')
      .values({
        volunteer_id: person.id,
        org_path: person.org_path,
        source: 'self',
        source_id: null,
        kind: 'self',
        status,
        started_at: startedAt,
        ended_at: endedAt,
        minutes,
        hours,
        note: what,
        place: where,
        reject_reason: reason ?? null,
        created_by: person.user_id,
        created_at: createdAt,
        reviewed_by: reviewedAt ? reviewer.id : null,
        reviewed_at: reviewedAt,
        updated_at: reviewedAt ?? createdAt,
      })
      .returning(['id', 'org_path'])
      .executeTakeFirstOrThrow();
    const events: Array<{
      record_id: number;
      org_path: string;
      action: string;
      from_hours: number | null;
      to_hours: number | null;
      reason: string | null;
      actor_user_id: number | null;
      actor_name: string;
      created_at: Date;
    }> = [
      {
        record_id: row.id,
        org_path: row.org_path,
        action: 'create',
        from_hours: null,
        to_hours: hours,
        reason: '志愿者随时记',
        actor_user_id: person.user_id,
        actor_name: person.name,
        created_at: createdAt,
      },
    ];
    if (reviewedAt)
      events.push({
        record_id: row.id,
        org_path: row.org_path,
        action: status === 'confirmed' ? 'confirm' : 'reject',
        from_hours: hours,
        to_hours: status === 'confirmed' ? hours : null,
        reason: reason ?? null,
        actor_user_id: reviewer.id,
        actor_name: reviewer.display_name,
        created_at: reviewedAt,
      });
    await tx.insertInto('service_record_events').values(events).execute();
    count += 1;
  }
  return { selfLogs: count };
}
