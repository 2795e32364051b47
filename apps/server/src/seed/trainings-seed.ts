// The demo's trainings (培训, issue 16; seed 004 §11: 各镇（街道）文明实践所…每年不少于2次): sessions of
// the centre and every institute this year and last year. Most institutes held two or more this
// year; three held none or one, so 年度统计 and the assessment's 集中培训 show both 达标 and 未达标.
// demo-institute also has a session planned for the coming days and one cancelled with a reason,
// and one of its held sessions carries its handout (a PDF, stored as the module stores materials).
// Attendance is drawn from the unit's own volunteers in service (20–60 a held session); staff who
// are not volunteers, and last year's participants the register (begun within the past year) did
// not hold yet, are counted in other_attendees. Deterministic: a seeded generator, times
// relative to now. Sessions of institutes without an account of their own are entered by the
// seed's system actor (the first user), as the seeded tasks and inspections are.
import crypto from 'node:crypto';
import type { TrainingKind } from '@civic/contracts';
import type { Tx } from '../platform/db/database.ts';
import { cjkDocument } from '../platform/pdf.ts';
import { bulkInsert, columns } from './bulk-insert.ts';
import { mulberry32 } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

export interface SeedTraining {
  org: OrgRef;
  title: string;
  kind: TrainingKind;
  startsAt: Date;
  endsAt: Date;
  place: string;
  trainer: string;
  description: string;
  status: 'planned' | 'held' | 'cancelled';
  heldAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
  /**
   * volunteers taking part: put on the attendance list from the unit's register; those the register
   * did not hold yet (it began within the past year) are counted in other_attendees instead
   */
  attendees: number;
  otherAttendees: number;
  /** carries the demo handout (a PDF) */
  material: boolean;
}

const TITLES: Record<TrainingKind, Array<(town: string) => string>> = {
  staff: [
    (town) => `${town}所站工作人员业务培训`,
    () => '新时代文明实践所站工作人员能力提升培训',
    () => '实践站站长及工作人员业务培训会',
  ],
  backbone: [
    () => '新时代文明实践志愿服务骨干培训班',
    (town) => `${town}文明实践骨干专题培训`,
    () => '志愿服务项目化运作骨干培训',
  ],
  new_volunteers: [
    () => '新招募志愿者岗前培训',
    (town) => `${town}新注册志愿者入门培训`,
    () => '志愿服务基础知识与安全常识培训',
  ],
  lecture_leads: [
    () => '茶乡微讲堂负责人专题培训',
    () => '“茶乡微讲堂”宣讲技巧培训',
    () => '微讲堂负责人备课与宣讲能力培训',
  ],
};

const TRAINERS: Record<TrainingKind, string[]> = {
  staff: ['县委党校 王老师', '县文明办 张主任', '县委宣传部 李科长'],
  backbone: ['县委党校 王老师', '县志愿服务联合会 陈会长', '团县委 刘老师'],
  new_volunteers: ['县红十字会 周老师', '县应急管理局 赵老师', '县志愿服务联合会 陈会长'],
  lecture_leads: ['县委党校 王老师', '县融媒体中心 孙老师', '县委宣讲团 杨老师'],
};

const DESCRIPTIONS: Record<TrainingKind, string> = {
  staff: '学习新时代文明实践工作规范，讲解阵地管理、活动台账、平台录入和考核要求，交流各站工作经验。',
  backbone: '围绕志愿服务项目策划、队伍管理和群众需求对接开展专题培训，分组研讨本镇志愿服务项目。',
  new_volunteers: '介绍志愿服务基本知识、志愿者权利义务和服务时长记录规则，开展安全常识与应急救护演练。',
  lecture_leads: '围绕“茶乡微讲堂”选题、备课和宣讲技巧开展专题培训，现场试讲并点评，推动理论宣讲进村入户。',
};

/** The kinds an institute's sessions rotate through, staff and backbone first. */
const ROTATION: TrainingKind[] = ['staff', 'backbone', 'new_volunteers', 'lecture_leads'];

const chinaYear = (at: Date) => new Date(at.getTime() + CHINA).getUTCFullYear();
/** 09:00 (or `hour`) Beijing time on the day `day` days after 1 January of `year`. */
const chinaDay = (year: number, day: number, hour = 9) => new Date(Date.UTC(year, 0, 1 + day, hour) - CHINA);
const townOf = (org: OrgRef) => org.name.replace(/新时代文明实践(所|中心)$/, '');

/**
 * The sessions, given the centre and the institutes (demo-institute's id among them) and now.
 * This year's held sessions start before today; last year's spread over the year.
 */
export function buildTrainingsSeed(orgs: OrgRef[], demoInstituteId: number, now: Date): SeedTraining[] {
  const rng = mulberry32(1616);
  const pick = <T>(items: T[]) => items[Math.floor(rng() * items.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const year = chinaYear(now);
  const today = Math.floor((now.getTime() + CHINA - Date.UTC(year, 0, 1)) / DAY);
  const center = orgs.find((o) => o.kind === 'center')!;
  const institutes = orgs.filter((o) => o.kind === 'institute');
  // three institutes short of 2 this year (none of them demo-institute): one held none, two held one
  const others = institutes.filter((o) => o.id !== demoInstituteId);
  const short = new Map<number, number>([
    [others[4]!.id, 0],
    [others[9]!.id, 1],
    [others[13]!.id, 1],
  ]);
  const sessions: SeedTraining[] = [];

  const session = (org: OrgRef, kind: TrainingKind, startsAt: Date, extra: Partial<SeedTraining> = {}) => {
    const hours = kind === 'backbone' && rng() < 0.3 ? 24 + 8 : between(2, 4); // a two-day course now and then
    const endsAt = new Date(startsAt.getTime() + hours * HOUR);
    const town = townOf(org);
    const atCenter = org.kind === 'center';
    const row: SeedTraining = {
      org,
      title: atCenter ? `全县${pick(TITLES[kind])('')}` : pick(TITLES[kind])(town),
      kind,
      startsAt,
      endsAt,
      place: atCenter
        ? pick(['县新时代文明实践中心多功能厅', '县委党校报告厅'])
        : pick([`${town}新时代文明实践所会议室`, `${town}综合文化站多功能厅`]),
      trainer: pick(TRAINERS[kind]),
      description: DESCRIPTIONS[kind],
      status: 'held',
      heldAt: new Date(endsAt.getTime() + between(1, 12) * HOUR),
      cancelledAt: null,
      cancelReason: null,
      createdAt: new Date(startsAt.getTime() - between(7, 20) * DAY),
      attendees: atCenter ? between(40, 60) : between(20, 60),
      otherAttendees: kind === 'staff' ? between(6, 15) : between(0, 5),
      material: false,
      ...extra,
    };
    sessions.push(row);
    return row;
  };
  /** `n` held sessions spread over the year `y` (this year: before today), kinds rotating. */
  const heldIn = (org: OrgRef, y: number, n: number, offset: number, kinds = ROTATION) => {
    // this year: days before yesterday, so the session and its marking as held are past
    const span = y === year ? Math.max(0, today - 2) : 360;
    for (let i = 0; i < n; i += 1) {
      const day = Math.floor(((i + 0.2 + rng() * 0.6) / n) * span);
      const start = chinaDay(y, day, pick([9, 9, 14, 15]));
      // early in January there may be none yet this year
      if (y < year || start.getTime() + 2 * DAY < now.getTime())
        session(org, kinds[(offset + i) % kinds.length]!, start);
    }
  };

  // the centre: its county-wide backbone and 微讲堂 sessions, twice a year
  const countyKinds: TrainingKind[] = ['backbone', 'lecture_leads'];
  heldIn(center, year - 1, 2, 0, countyKinds);
  heldIn(center, year, 2, 0, countyKinds);
  institutes.forEach((org, i) => {
    heldIn(org, year - 1, between(1, 3), i);
    heldIn(org, year, org.id === demoInstituteId ? 3 : (short.get(org.id) ?? between(2, 4)), i);
  });

  const demo = institutes.find((o) => o.id === demoInstituteId)!;
  // its first held session this year carries the handout
  const handout = sessions.find((s) => s.org.id === demo.id && chinaYear(s.startsAt) === year);
  if (handout) handout.material = true;
  // planned for the coming days: the new volunteers recruited this autumn
  session(demo, 'new_volunteers', chinaDay(year, today + 10, 9), {
    title: `${townOf(demo)}新招募志愿者岗前培训`,
    endsAt: chinaDay(year, today + 10, 12),
    status: 'planned',
    heldAt: null,
    createdAt: new Date(now.getTime() - 3 * DAY),
    attendees: 0,
    otherAttendees: 0,
  });
  // cancelled a month ago, two days before it was due
  const cancelledStart = chinaDay(year, today - 30, 14);
  session(demo, 'lecture_leads', cancelledStart, {
    title: '茶乡微讲堂负责人专题培训',
    endsAt: new Date(cancelledStart.getTime() + 3 * HOUR),
    status: 'cancelled',
    heldAt: null,
    cancelledAt: new Date(cancelledStart.getTime() - 2 * DAY),
    cancelReason: '授课老师临时有公务安排，培训改期举办',
    createdAt: new Date(cancelledStart.getTime() - 15 * DAY),
    attendees: 0,
    otherAttendees: 0,
  });
  return sessions;
}

/** The demo handout: one A4 page of Chinese text. */
export async function handoutPdf(title: string): Promise<Buffer> {
  const { doc, bytes } = cjkDocument({
    size: 'A4',
    margin: 64,
    info: { Title: `${title} 课件`, CreationDate: new Date('2026-01-01T00:00:00Z') },
  });
  doc.font('bold').fontSize(20).text(title, { align: 'center' });
  doc.moveDown();
  doc.font('body').fontSize(12);
  for (const line of [
    '一、新时代文明实践的意义和任务',
    '二、志愿服务的基本知识：志愿者的权利与义务、服务时长的记录',
    '三、志愿服务项目的策划与实施：需求调研、项目设计、活动组织',
    '四、安全常识与应急救护',
    '五、交流研讨',
  ])
    doc.text(line, { lineGap: 6 });
  doc.end();
  return bytes;
}

export async function insertDemoTrainings(
  tx: Tx,
  now: Date,
  orgs: OrgRef[],
): Promise<{ trainings: number; trainingAttendees: number; trainingMaterials: number }> {
  const user = async (username: string) =>
    tx
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const [centerAdmin, instituteAdmin] = await Promise.all([user('demo-center'), user('demo-institute')]);
  const systemActor = Number(
    (await tx.selectFrom('users').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id,
  );
  const demoInstituteId = Number(instituteAdmin.org_id);
  const sessions = buildTrainingsSeed(orgs, demoInstituteId, now);
  const enteredBy = (org: OrgRef) =>
    org.id === demoInstituteId
      ? Number(instituteAdmin.id)
      : org.id === Number(centerAdmin.org_id)
        ? Number(centerAdmin.id)
        : systemActor;

  // each unit's volunteers in service, with the day they registered
  const volunteers = await tx
    .selectFrom('volunteers')
    .select(['id', 'org_path', 'created_at'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const rng = mulberry32(1617);
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

  const attendees: Array<Record<string, unknown>> = [];
  let materials = 0;
  for (const s of sessions) {
    const by = enteredBy(s.org);
    // registered before the session: a partial shuffle of the unit's own volunteers
    const pool = volunteers.filter(
      (v) => within(v.org_path, s.org.path) && new Date(v.created_at).getTime() < s.startsAt.getTime(),
    );
    const listed = Math.min(s.attendees, pool.length);
    const row = await tx
      .insertInto('trainings')
      .values({
        org_id: s.org.id,
        org_path: s.org.path,
        title: s.title,
        kind: s.kind,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        place: s.place,
        trainer: s.trainer,
        description: s.description,
        status: s.status,
        held_at: s.heldAt,
        held_by: s.heldAt ? by : null,
        cancelled_at: s.cancelledAt,
        cancelled_by: s.cancelledAt ? by : null,
        cancel_reason: s.cancelReason,
        other_attendees: s.otherAttendees + (s.attendees - listed),
        created_by: by,
        created_at: s.createdAt,
        updated_at: s.heldAt ?? s.cancelledAt ?? s.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < listed; i += 1) {
      const j = i + Math.floor(rng() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      attendees.push({
        training_id: row.id,
        volunteer_id: pool[i]!.id,
        org_path: s.org.path,
        added_by: by,
        // taken on the day, as the session starts
        added_at: new Date(s.startsAt.getTime() + Math.floor(rng() * 30) * 60_000),
      });
    }
    if (s.material) {
      // as the module stores one (storeRecordDocument): an upload under the training's path
      const pdf = await handoutPdf(s.title);
      const id = crypto.randomUUID();
      const fileName = `${s.title}课件.pdf`;
      const uploadedAt = new Date(s.endsAt.getTime() + HOUR);
      await tx
        .insertInto('uploads')
        .values({
          id,
          org_path: s.org.path,
          uploaded_by: by,
          file_name: fileName,
          mime_type: 'application/pdf',
          byte_size: pdf.length,
          sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
          content: pdf,
          created_at: uploadedAt,
        })
        .execute();
      await tx
        .insertInto('training_materials')
        .values({
          training_id: row.id,
          org_path: s.org.path,
          upload_id: id,
          file_name: fileName,
          mime_type: 'application/pdf',
          byte_size: pdf.length,
          uploaded_by: by,
          uploaded_at: uploadedAt,
        })
        .execute();
      materials += 1;
    }
  }
  await bulkInsert(
    tx,
    'training_attendees',
    columns('training_id bigint, volunteer_id bigint, org_path ltree, added_by bigint, added_at timestamptz'),
    attendees,
  );
  return { trainings: sessions.length, trainingAttendees: attendees.length, trainingMaterials: materials };
}
