// The demo's 礼遇褒奖: the privileges 东风社区 (the demo-station account's station) and the county
// centre grant to star volunteers (星级志愿者礼遇), so H5 我的积分 shows them beside the star level.
// The yearly lists need no rows of their own: they are computed from the seeded hours and ledger.
// Deterministic: fixed privileges, fixed times relative to now.
import type { Tx } from '../platform/db/database.ts';

const STATION_PRIVILEGES: Array<[name: string, minStar: number, description: string]> = [
  ['爱心超市兑换九折', 1, '一星及以上志愿者在本站爱心超市兑换物品所需积分九折'],
  ['卫生室优先就诊', 1, '凭志愿者电子证在社区卫生室优先就诊'],
  ['免费健康体检', 2, '每年一次，由镇卫生院安排'],
  ['优先推荐评先评优', 3, '三星及以上志愿者优先推荐参加年度优秀志愿者评选'],
];
const CENTER_PRIVILEGES: Array<[name: string, minStar: number, description: string]> = [
  ['县城公交免费乘车', 4, '四星及以上志愿者凭志愿者电子证免费乘坐县城公交'],
  ['景区免票游览', 5, '五星志愿者凭志愿者电子证免票游览县内景区'],
];

export async function insertDemoHonours(
  tx: Tx,
  now: Date,
  demoStation: { id: number; path: string },
  center: { id: number; path: string },
): Promise<{ honourPrivileges: number }> {
  const admin = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-station')
    .executeTakeFirstOrThrow();
  const centerAdmin = await tx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-center')
    .executeTakeFirstOrThrow();
  const rows = [
    ...STATION_PRIVILEGES.map(([name, minStar, description]) => ({
      org: demoStation,
      by: admin.id,
      name,
      minStar,
      description,
    })),
    ...CENTER_PRIVILEGES.map(([name, minStar, description]) => ({
      org: center,
      by: centerAdmin.id,
      name,
      minStar,
      description,
    })),
  ];
  await tx
    .insertInto('honour_privileges')
    .values(
      rows.map((r) => ({
        org_id: r.org.id,
        org_path: r.org.path,
        name: r.name,
        description: r.description,
        min_star: r.minStar,
        created_by: r.by,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return { honourPrivileges: rows.length };
}
