// The demo's publicity pieces (宣传稿件, issue 16; seed 004 §13): this year's and last year's pieces of
// the institutes (most recorded by the institute itself, some by a station below it), realistic
// outlets of each level and titles. Some towns meet every quota (省级 1, 市级 2, 县级 3), some fall
// short, one recorded nothing this year; demo-institute is short this year (its summary shows red)
// and its stations recorded a few. A few pieces carry a screenshot (a drawn clipping, not a real
// page), stored as uploads under the piece's org. Deterministic: a seeded generator, dates relative
// to now and never after today.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { PublicityLevel } from '@civic/contracts';
import type { Tx } from '../platform/db/database.ts';
import { mulberry32 } from './county-data.ts';
import type { OrgRef } from './org-ref.ts';

const DAY_MS = 86_400_000;

export const OUTLETS: Record<PublicityLevel, readonly string[]> = {
  national: ['学习强国', '中国文明网'],
  province: ['陕西文明网', '学习强国陕西学习平台', '陕西日报'],
  city: ['汉中日报', '汉中文明网', '汉中广播电视台'],
  county: ['西乡融媒', '西乡县新时代文明实践中心云平台', '西乡县人民政府网'],
};

const TOPICS = [
  '“我们的节日·春节”志愿服务进万家',
  '茶乡微讲堂把党的创新理论送到田间地头',
  '学雷锋志愿服务月活动火热开展',
  '“移风易俗树新风”主题宣讲走进院坝',
  '志愿者助力春茶采摘 服务暖人心',
  '端午节包粽子传承文化 邻里情浓',
  '新时代文明实践站点单服务解民忧',
  '“门前三小”环境整治志愿行动',
  '重阳敬老 志愿者为老人义诊理发',
  '文明积分兑换激发乡村振兴内生动力',
  '防溺水安全教育志愿服务进校园',
  '“百千万”志愿服务队伍建设见实效',
];

/** What a town records in a year: pieces per level (national ones count toward province). */
type Plan = Partial<Record<PublicityLevel, number>>;
const MEETS: Plan[] = [
  { province: 1, city: 2, county: 3 },
  { national: 1, city: 2, county: 4 },
  { province: 2, city: 3, county: 5 },
];
const SHORT: Plan[] = [
  { city: 1, county: 4 },
  { province: 1, city: 1, county: 2 },
  { county: 2 },
  { province: 1, county: 5 },
];

/** A drawn newspaper clipping, 120 × 80 RGB PNG: a coloured masthead and grey text lines. */
export function clippingPng(n: number): Buffer {
  const width = 120;
  const height = 80;
  const mastheads: Array<[number, number, number]> = [
    [185, 28, 28],
    [29, 78, 216],
    [21, 128, 61],
  ];
  const masthead = mastheads[n % mastheads.length]!;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const line = y >= 22 && y % 8 < 3 && x >= 8 && x < width - 8 - ((y * 7 + n * 13) % 30);
      const [r, g, b] = y < 16 ? masthead : line ? [156, 163, 175] : [250, 250, 249];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface SeedPiece {
  orgId: number;
  orgPath: string;
  level: PublicityLevel;
  outlet: string;
  title: string;
  url: string | null;
  publishedOn: string;
  screenshot: number | null;
}

const townName = (name: string) => name.replace(/新时代文明实践所$/, '').replace(/实践所$/, '');

/**
 * The pieces, computed without the database: for each institute (in the order given) and each of
 * this year and last year, a plan that meets the quota or falls short; demo-institute short this year.
 */
export function planPieces(
  institutes: readonly OrgRef[],
  stationsOf: (institute: OrgRef) => readonly OrgRef[],
  demoInstituteId: number,
  now: Date,
): SeedPiece[] {
  const rng = mulberry32(1616);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const daysThisYear = Math.max(
    1,
    Math.round((Date.parse(today) - Date.parse(`${year}-01-01`)) / DAY_MS) + 1,
  );
  const pieces: SeedPiece[] = [];
  let shots = 0;
  institutes.forEach((institute, i) => {
    for (const y of [year - 1, year]) {
      const current = y === year;
      let plan: Plan;
      if (current && institute.id === demoInstituteId) plan = { province: 0, city: 1, county: 2 };
      else if (current && i % 7 === 5)
        plan = {}; // recorded nothing yet this year
      else if ((i + (current ? 0 : 1)) % 3 === 1) plan = SHORT[(i + y) % SHORT.length]!;
      else plan = MEETS[(i + y) % MEETS.length]!;
      const stations = stationsOf(institute);
      for (const level of ['national', 'province', 'city', 'county'] as const)
        for (let k = 0; k < (plan[level] ?? 0); k += 1) {
          const span = current ? daysThisYear : 365;
          const date = new Date(Date.parse(`${y}-01-01`) + Math.floor(rng() * span) * DAY_MS)
            .toISOString()
            .slice(0, 10);
          // county pieces are now and then a station's own
          const byStation = level === 'county' && stations.length > 0 && rng() < 0.35;
          const org = byStation ? pick(stations) : institute;
          const outlet = pick(OUTLETS[level]);
          const place = byStation ? org.name.replace(/新时代文明实践站$/, '') : townName(institute.name);
          const withShot = rng() < 0.25;
          pieces.push({
            orgId: org.id,
            orgPath: org.path,
            level,
            outlet,
            title: `${place}：${pick(TOPICS)}`,
            url: rng() < 0.8 ? `https://news.example.cn/${level}/${y}/${pieces.length + 1}.html` : null,
            publishedOn: date <= today ? date : today,
            screenshot: withShot ? shots++ : null,
          });
        }
    }
  });
  // demo-institute's stations record a few of this year's county pieces themselves
  const demo = institutes.find((o) => o.id === demoInstituteId);
  if (demo)
    for (const [k, station] of stationsOf(demo).slice(0, 2).entries())
      pieces.push({
        orgId: station.id,
        orgPath: station.path,
        level: 'county',
        outlet: OUTLETS.county[k % OUTLETS.county.length]!,
        title: `${station.name.replace(/新时代文明实践站$/, '')}：${TOPICS[(k * 5) % TOPICS.length]}`,
        url: null,
        publishedOn: today,
        screenshot: k === 0 ? shots++ : null,
      });
  return pieces;
}

export async function insertDemoPublicity(
  tx: Tx,
  now: Date,
  orgs: readonly OrgRef[],
  demoInstitute: { id: number },
): Promise<{ publicityPieces: number; publicityScreenshots: number }> {
  const institutes = orgs.filter((o) => o.kind === 'institute');
  const stationsOf = (institute: OrgRef) =>
    orgs.filter((o) => o.kind === 'station' && o.parentId === institute.id);
  const pieces = planPieces(institutes, stationsOf, demoInstitute.id, now);
  const user = async (username: string) =>
    Number(
      (await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id,
    );
  const instituteAdmin = await user('demo-institute');
  const systemActor = Number(
    (await tx.selectFrom('users').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id,
  );
  const demoPaths = orgs.filter((o) => o.id === demoInstitute.id).map((o) => o.path);
  const recorder = (path: string) =>
    demoPaths.some((p) => path === p || path.startsWith(`${p}.`)) ? instituteAdmin : systemActor;
  let screenshots = 0;
  for (const piece of pieces) {
    // recorded a day or two after publication, in the morning (China time), never after now
    const recordedAt = new Date(
      Math.min(now.getTime(), Date.parse(`${piece.publishedOn}T10:00:00+08:00`) + (piece.orgId % 3) * DAY_MS),
    );
    let screenshotId: string | null = null;
    if (piece.screenshot !== null) {
      const png = clippingPng(piece.screenshot);
      screenshotId = crypto.randomUUID();
      await tx
        .insertInto('uploads')
        .values({
          id: screenshotId,
          org_path: piece.orgPath,
          uploaded_by: recorder(piece.orgPath),
          file_name: `稿件截图${piece.screenshot + 1}.png`,
          mime_type: 'image/png',
          byte_size: png.length,
          sha256: crypto.createHash('sha256').update(png).digest('hex'),
          content: png,
          created_at: recordedAt,
        })
        .execute();
      screenshots += 1;
    }
    await tx
      .insertInto('publicity_pieces')
      .values({
        org_id: piece.orgId,
        org_path: piece.orgPath,
        level: piece.level,
        outlet: piece.outlet,
        title: piece.title,
        url: piece.url,
        published_on: piece.publishedOn,
        screenshot_id: screenshotId,
        note: '',
        created_by: recorder(piece.orgPath),
        created_at: recordedAt,
        updated_at: recordedAt,
      })
      .execute();
  }
  return { publicityPieces: pieces.length, publicityScreenshots: screenshots };
}
