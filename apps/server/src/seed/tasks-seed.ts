// The demo's work tasks (调度任务, issue 15): the centre's finished 重阳节 task (most stations approved
// with a score, one approved after an extension, one overdue and already escalated), the centre's open
// 八有 self-inspection task (photos required, scored; demo-station still to report, others submitted,
// approved or returned), and demo-institute's open task to its stations (no score; demo-station's
// report returned). Deterministic: a seeded generator, times relative to now. Reports of stations
// without an account of their own are attributed to the seed's system actor (the first user), as
// the seeded inspections are.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import { mulberry32 } from './county-data.ts';

const DAY_MS = 86_400_000;
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

type Outcome =
  | { kind: 'pending' }
  | { kind: 'overdue' }
  | { kind: 'submitted'; daysBeforeDeadline: number }
  | { kind: 'approved'; daysBeforeDeadline: number; score: number | null }
  | { kind: 'returned'; daysBeforeDeadline: number; reason: string }
  | { kind: 'late'; score: number | null };

interface Org {
  id: number;
  path: string;
  name: string;
}

export async function insertDemoTasks(
  tx: Tx,
  now: Date,
  demoStation: { id: number; path: string },
): Promise<{ workTasks: number; taskAssignments: number; taskReports: number }> {
  const rng = mulberry32(1515);
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  // deadlines at 18:00 Beijing time on the day `days` from now
  const dueOn = (days: number) =>
    new Date(
      `${new Date(now.getTime() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10)}T18:00:00+08:00`,
    );
  const user = async (username: string) =>
    Number(
      (await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id,
    );
  const [centerAdmin, instituteAdmin, stationAdmin, station2Admin] = await Promise.all([
    user('demo-center'),
    user('demo-institute'),
    user('demo-station'),
    user('demo-station2'),
  ]);
  const systemActor = Number(
    (await tx.selectFrom('users').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id,
  );
  const orgOf = (username: string) =>
    tx
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['o.id', 'o.path', 'o.name'])
      .where('u.username', '=', username)
      .executeTakeFirstOrThrow();
  const [center, institute, station2] = await Promise.all([
    orgOf('demo-center'),
    orgOf('demo-institute'),
    orgOf('demo-station2'),
  ]);
  const stationsUnder = (path: string) =>
    tx
      .selectFrom('orgs')
      .select(['id', 'path', 'name'])
      .where('kind', '=', 'station')
      .where('status', '=', 'active')
      .where(sql<boolean>`path <@ ${path}::ltree`)
      .orderBy('code')
      .execute();
  const station2Institute = station2.path.split('.').slice(0, -1).join('.');
  const ownStations = (await stationsUnder(institute.path)) as Org[];
  const otherStations = ((await stationsUnder(station2Institute)) as Org[]).slice(0, 6);
  const reporterOf = (org: Org) =>
    org.id === demoStation.id ? stationAdmin : org.id === station2.id ? station2Admin : systemActor;

  let tasks = 0;
  let assignments = 0;
  let reports = 0;

  async function task(
    issuer: { id: number; path: string },
    createdBy: number,
    fields: {
      title: string;
      description: string;
      deadline: Date;
      createdAt: Date;
      requiresText: boolean;
      minPhotos: number;
      allowLinks: boolean;
      maxScore: number | null;
    },
    units: Array<{ org: Org; outcome: Outcome }>,
  ) {
    const row = await tx
      .insertInto('work_tasks')
      .values({
        org_id: issuer.id,
        org_path: issuer.path,
        title: fields.title,
        description: fields.description,
        deadline: fields.deadline,
        requires_text: fields.requiresText,
        min_photos: fields.minPhotos,
        allow_links: fields.allowLinks,
        max_score: fields.maxScore,
        created_by: createdBy,
        created_at: fields.createdAt,
        updated_at: fields.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    tasks += 1;
    for (const { org, outcome } of units) {
      const reporter = reporterOf(org);
      const submittedAt = (daysBefore: number) =>
        new Date(fields.deadline.getTime() - daysBefore * DAY_MS - Math.floor(rng() * 8) * 3_600_000);
      const photos = async (n: number, when: Date) => {
        const ids: string[] = [];
        for (let i = 0; i < n; i += 1) {
          const id = crypto.randomUUID();
          await tx
            .insertInto('uploads')
            .values({
              id,
              org_path: org.path,
              uploaded_by: reporter,
              file_name: `现场照片${i + 1}.png`,
              mime_type: 'image/png',
              byte_size: PHOTO.length,
              sha256: crypto.createHash('sha256').update(PHOTO).digest('hex'),
              content: PHOTO,
              created_at: when,
            })
            .execute();
          ids.push(id);
        }
        return ids;
      };
      const extended = outcome.kind === 'late';
      const dueAt = extended ? new Date(fields.deadline.getTime() + 7 * DAY_MS) : fields.deadline;
      const assignment = await tx
        .insertInto('task_assignments')
        .values({
          task_id: row.id,
          org_id: org.id,
          org_path: org.path,
          issuer_path: issuer.path,
          due_at: dueAt,
          extended_at: extended ? new Date(fields.deadline.getTime() - DAY_MS) : null,
          extended_by: extended ? createdBy : null,
          extension_reason: extended ? '村“两委”换届，延后一周上报' : null,
          overdue_notified_at: outcome.kind === 'overdue' ? new Date(dueAt.getTime() + 300_000) : null,
          created_at: fields.createdAt,
          updated_at: fields.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      assignments += 1;
      if (outcome.kind === 'pending' || outcome.kind === 'overdue') continue;
      const when =
        outcome.kind === 'late'
          ? new Date(fields.deadline.getTime() + 3 * DAY_MS)
          : submittedAt(outcome.daysBeforeDeadline);
      const text =
        fields.minPhotos > 0
          ? `${org.name}已按要求完成，现场照片见附件。`
          : `${org.name}已完成，情况说明：${fields.title}。`;
      const decidedAt = new Date(when.getTime() + DAY_MS);
      const decided =
        outcome.kind === 'approved' || outcome.kind === 'late'
          ? { decision: 'approved', score: outcome.score, comment: null }
          : outcome.kind === 'returned'
            ? { decision: 'returned', score: null, comment: outcome.reason }
            : null;
      await tx
        .insertInto('task_reports')
        .values({
          assignment_id: assignment.id,
          task_id: row.id,
          org_path: org.path,
          issuer_path: issuer.path,
          text,
          links: fields.allowLinks && rng() < 0.3 ? ['https://www.example.cn/news/practice'] : [],
          photo_ids: await photos(fields.minPhotos, when),
          submitted_by: reporter,
          submitted_at: when,
          decision: decided?.decision ?? null,
          score: decided?.score ?? null,
          comment: decided?.comment ?? null,
          decided_by: decided ? createdBy : null,
          decided_at: decided ? decidedAt : null,
        })
        .execute();
      reports += 1;
      const approved = outcome.kind === 'approved' || outcome.kind === 'late';
      await tx
        .updateTable('task_assignments')
        .set({
          status: approved ? 'approved' : outcome.kind === 'returned' ? 'returned' : 'submitted',
          submitted_at: when,
          score: approved ? outcome.score : null,
          approved_at: approved ? decidedAt : null,
          updated_at: decided ? decidedAt : when,
        })
        .where('id', '=', assignment.id)
        .execute();
    }
  }

  // the centre's finished festival task: 重阳节前每站开展 1 次敬老活动
  const score = () => 6 + Math.floor(rng() * 5);
  await task(
    center,
    centerAdmin,
    {
      title: '重阳节前每站开展 1 次敬老活动',
      description:
        '各实践站在重阳节前至少开展 1 次敬老爱老志愿服务活动（走访慰问、义诊、理发、文艺演出等），上报活动说明和不少于 2 张现场照片。',
      deadline: dueOn(-40),
      createdAt: at(-60),
      requiresText: true,
      minPhotos: 2,
      allowLinks: true,
      maxScore: 10,
    },
    [...ownStations, ...otherStations].map((org, i) => ({
      org,
      outcome:
        i === 2
          ? { kind: 'overdue' }
          : i === 4
            ? { kind: 'late', score: 6 }
            : { kind: 'approved', daysBeforeDeadline: 1 + (i % 5), score: score() },
    })),
  );

  // the centre's open 八有 self-inspection task, due in three weeks
  await task(
    center,
    centerAdmin,
    {
      title: '限期完成“八有”阵地自查并上传照片',
      description:
        '对照“八有”阵地建设标准逐项自查（有场所、有队伍、有活动、有制度、有标识、有设备、有台账、有成效），上报自查情况和不少于 3 张阵地照片。',
      deadline: dueOn(21),
      createdAt: at(-5),
      requiresText: true,
      minPhotos: 3,
      allowLinks: false,
      maxScore: 10,
    },
    [...ownStations, ...otherStations].map((org, i) => ({
      org,
      outcome:
        org.id === demoStation.id
          ? { kind: 'pending' }
          : i % 4 === 1
            ? { kind: 'submitted', daysBeforeDeadline: 22 }
            : i % 4 === 2
              ? { kind: 'approved', daysBeforeDeadline: 23, score: score() }
              : i % 4 === 3
                ? { kind: 'returned', daysBeforeDeadline: 23, reason: '照片未体现“有标识”，请补拍阵地标识牌' }
                : { kind: 'pending' },
    })),
  );

  // demo-institute's own task to its stations, no score
  await task(
    institute,
    instituteAdmin,
    {
      title: '报送本村年度志愿服务项目清单',
      description:
        '各站报送本村（社区）明年拟开展的志愿服务项目清单（项目名称、服务对象、频次），可附公众号报道链接。',
      deadline: dueOn(7),
      createdAt: at(-10),
      requiresText: true,
      minPhotos: 0,
      allowLinks: true,
      maxScore: null,
    },
    ownStations.map((org, i) => ({
      org,
      outcome:
        org.id === demoStation.id
          ? { kind: 'returned', daysBeforeDeadline: 13, reason: '清单缺少服务频次，请补充后重新上报' }
          : i % 3 === 1
            ? { kind: 'approved', daysBeforeDeadline: 12, score: null }
            : i % 3 === 2
              ? { kind: 'submitted', daysBeforeDeadline: 11 }
              : { kind: 'pending' },
    })),
  );

  return { workTasks: tasks, taskAssignments: assignments, taskReports: reports };
}
