/**
 * The demo county's project library and service menu. Projects: the 12 "文明实践365" projects of
 * seed 003 附件一 owned by the centre, 12 services a year each, run by the county professional
 * teams of the same name (volunteers-data.ts) — last year's round finished at 优化项目 and this
 * year's copied from it, at stages spread over the lifecycle. Menu (seed 001: 每年列出不少于20项
 * "菜单式" 专业志愿服务项目): county-wide items tied to those projects, a few items of single towns
 * (茶镇 is the tea town of a tea county) and of single villages. Plain data first, then written.
 */
import {
  PROJECT_STATUSES,
  type Platform,
  type ProjectStatus,
  type ServiceCategory,
  type Skill,
} from '@civic/contracts';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import type { OrgRef } from './org-ref.ts';
import { PROFESSIONAL_TEAMS } from './volunteers-data.ts';

/** changed_by of seeded history: the seed's system actor (the first demo account). */
const SEED_ACTOR = 1;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

export interface ProjectSeed {
  /** index into PROFESSIONAL_TEAMS */
  spec: number;
  name: string;
  year: number;
  platform: Platform | null;
  serviceCategory: ServiceCategory;
  responsibleUnit: string;
  /** the county professional team's name (org = the centre) */
  teamName: string;
  description: string;
  targetGroups: string;
  status: ProjectStatus;
  /** established first, then each stage up to `status`; dates ascending */
  history: Array<{ from: ProjectStatus | null; to: ProjectStatus; at: Date; note: string | null }>;
  /** this year's project points at last year's with the same spec */
  copiedFromLastYear: boolean;
}

export interface MenuSeed {
  owner: OrgRef;
  area: OrgRef;
  /** index into PROFESSIONAL_TEAMS: tied to the centre's current-year project */
  project: number | null;
  title: string;
  serviceCategory: ServiceCategory;
  skills: Skill[];
  description: string;
  typicalMinutes: number;
  volunteersNeeded: number;
  status: 'published' | 'withdrawn';
}

const TARGET_GROUPS = [
  '农村党员、困难群众',
  '城乡居民、基层党员干部',
  '城乡居民、游客',
  '茶农、种植户、青少年',
  '城乡居民、农民工、老年人',
  '留守儿童、空巢老人',
  '中小学生、困难家庭学生',
  '城乡居民',
  '驾驶人、行人、中小学生',
  '城乡居民、老年人、慢性病患者',
  '城乡居民、中小学生',
  '残疾人及其家庭',
];
/** This year's stage of each project, in PROFESSIONAL_TEAMS order. */
const CURRENT_STATUS: readonly ProjectStatus[] = [
  'implementing',
  'implementing',
  'evaluating',
  'implementing',
  'recruiting',
  'implementing',
  'recruiting',
  'established',
  'implementing',
  'evaluating',
  'recruiting',
  'optimizing',
];

/** The calendar year in China (UTC+8, no daylight saving). */
export const chinaYear = (now: Date) => new Date(now.getTime() + CHINA).getUTCFullYear();
const chinaDate = (year: number, month: number, day: number, hour = 9) =>
  new Date(Date.UTC(year, month - 1, day, hour) - CHINA);

const projectName = (index: number) => `“${PROFESSIONAL_TEAMS[index]!.project}”志愿服务项目`;

function projectSeeds(now: Date): ProjectSeed[] {
  const year = chinaYear(now);
  const base = (spec: number, y: number) => {
    const team = PROFESSIONAL_TEAMS[spec]!;
    return {
      spec,
      name: projectName(spec),
      year: y,
      platform: team.platform,
      serviceCategory: team.serviceCategories[0]!,
      responsibleUnit: team.responsibleUnit,
      teamName: `“${team.project}”志愿服务队`,
      description: `${team.content}。由${team.responsibleUnit}牵头，县级专业志愿服务队实施，全年服务不少于12次，与各镇（街道）实践所、村（社区）实践站对接，把服务送到群众身边。`,
      targetGroups: TARGET_GROUPS[spec]!,
    };
  };
  // last year: the whole round, from 确立 in January to 优化 in December
  const lastYear = PROFESSIONAL_TEAMS.map((_, spec) => {
    const months = [1, 3, 5, 9, 12];
    return {
      ...base(spec, year - 1),
      status: 'optimizing' as const,
      history: PROJECT_STATUSES.map((to, k) => ({
        from: k === 0 ? null : PROJECT_STATUSES[k - 1]!,
        to,
        at: chinaDate(year - 1, months[k]!, 5 + spec),
        note: k === 4 ? '全年服务目标已完成，根据群众评价优化服务内容，转入下一年度。' : null,
      })),
      copiedFromLastYear: false,
    };
  });
  // this year: copied in January, each stage since spread evenly up to now
  const yearStart = chinaDate(year, 1, 1, 0).getTime();
  const start = chinaDate(year, 1, 3).getTime();
  const current = PROFESSIONAL_TEAMS.map((_, spec) => {
    const status = CURRENT_STATUS[spec]!;
    const stages = PROJECT_STATUSES.slice(0, PROJECT_STATUSES.indexOf(status) + 1);
    const latest = now.getTime() - HOUR;
    const established = new Date(Math.max(yearStart, Math.min(start + spec * HOUR, latest)));
    const span = Math.max(0, latest - established.getTime());
    return {
      ...base(spec, year),
      status,
      history: stages.map((to, k) => ({
        from: k === 0 ? null : stages[k - 1]!,
        to,
        at: new Date(established.getTime() + Math.floor((span * k) / stages.length)),
        note: k === 0 ? `由 ${year - 1} 年项目复制` : null,
      })),
      copiedFromLastYear: true,
    };
  });
  return [...lastYear, ...current];
}

/** Index of a "文明实践365" project by its short name. */
const P = (project: string) => {
  const index = PROFESSIONAL_TEAMS.findIndex((t) => t.project === project);
  if (index < 0) throw new Error(`unknown project ${project}`);
  return index;
};

type ItemSpec = [
  title: string,
  category: ServiceCategory,
  skills: Skill[],
  project: string | null,
  minutes: number,
  volunteers: number,
  description: string,
];

// prettier-ignore
const COUNTY_ITEMS: readonly ItemSpec[] = [
  ['政策宣讲进村', 'theory', ['theory_lecture'], '理论宣讲', 90, 2, '宣讲团成员到村（社区）用群众听得懂的话讲解党的创新理论和惠民政策，可结合院坝会、屋场会开展。'],
  ['党员结对帮扶', 'poverty', ['theory_lecture', 'writing'], '我是党员我带头', 120, 2, '在职党员与困难家庭结对，上门了解困难、代办事项、落实帮扶措施。'],
  ['移风易俗宣讲', 'community', ['theory_lecture'], '我是党员我带头', 60, 1, '围绕红白喜事简办、反对高额彩礼、文明祭扫等开展宣讲，协助修订村规民约。'],
  ['法律咨询', 'law', ['law'], '法律服务', 60, 1, '律师、法律工作者现场或上门解答婚姻家庭、土地承包、劳动报酬等法律问题。'],
  ['法治宣传进村', 'law', ['law', 'theory_lecture'], '法律服务', 90, 2, '以案说法，宣传民法典、反电信诈骗和扫黑除恶等法律知识。'],
  ['义诊巡诊', 'health', ['medical'], '爱心医疗', 180, 4, '医务志愿者进村测血压、血糖，开展常见病诊疗咨询和用药指导。'],
  ['慢病随访与健康咨询', 'health', ['medical', 'elderly_care'], '爱心医疗', 60, 1, '为高血压、糖尿病患者上门随访，讲解合理膳食和科学用药。'],
  ['家电维修', 'community', ['repair'], '我是党员我带头', 120, 2, '为群众免费检修电视、电饭煲、洗衣机等小家电，只收必要的配件费。'],
  ['义务理发', 'elderly', ['haircut'], '青春先行', 60, 2, '为行动不便的老人、残疾人上门理发。'],
  ['茶叶种植技术指导', 'science', ['tea', 'agriculture'], '科学普及', 120, 2, '茶叶技术员到茶园指导修剪、施肥、病虫害绿色防控和采摘标准。'],
  ['果蔬病虫害防治指导', 'science', ['agriculture'], '科学普及', 120, 1, '农技人员到田间地头识别病虫害，指导科学用药和绿色防控。'],
  ['科普讲座', 'science', ['computer', 'agriculture'], '科学普及', 90, 1, '防灾减灾、食品安全、健康生活等科普知识讲座，可配科普展板。'],
  ['老年人智能手机教学', 'elderly', ['computer'], '科学普及', 60, 2, '手把手教老人使用健康码、视频通话、移动支付，识别网络诈骗。'],
  ['助老陪护', 'elderly', ['elderly_care'], '青春先行', 120, 1, '为空巢、独居老人上门陪伴聊天、打扫卫生、代购生活用品。'],
  ['留守儿童关爱陪伴', 'children', ['tutoring', 'sports'], '青春先行', 120, 2, '陪留守儿童读书、做游戏、开展安全教育，与外出务工父母视频连线。'],
  ['课业辅导', 'education', ['tutoring'], '幸福教育', 90, 1, '教师和大学生志愿者为中小学生辅导作业，开展假期兴趣课堂。'],
  ['心理疏导', 'health', ['psychology'], '幸福教育', 60, 1, '心理咨询师为学生、老人和有需要的家庭提供一对一心理疏导。'],
  ['文艺演出', 'culture', ['performance'], '文化惠民', 120, 8, '文艺志愿者送戏下乡，表演汉调桄桄、歌舞、快板等群众喜闻乐见的节目。'],
  ['送书法送春联', 'culture', ['calligraphy'], '文化惠民', 120, 3, '书法志愿者现场书写春联、福字和家风家训，赠送给群众。'],
  ['公益电影放映', 'culture', ['photography'], '文化惠民', 150, 2, '在村（社区）文化广场放映主旋律影片和科教片。'],
  ['应急救护培训', 'emergency', ['first_aid'], '红十字', 120, 2, '红十字救护员讲授心肺复苏、AED 使用、止血包扎等应急救护技能。'],
  ['人居环境整治', 'environment', [], '关爱自然', 120, 6, '组织志愿者清理房前屋后和河道垃圾，宣传垃圾分类。'],
  ['文明交通劝导', 'traffic', ['driving'], '文明交通', 120, 4, '在集镇、学校路口劝导不戴头盔、逆行、乱停乱放等不文明交通行为。'],
  ['助残康复服务', 'disability', ['sign_language', 'elderly_care', 'medical'], '筑爱助残', 90, 2, '为残疾人提供上门康复训练指导、手语沟通和辅具申请帮办。'],
];

// prettier-ignore
const TOWN_ITEMS: ReadonlyArray<[town: string, ...ItemSpec]> = [
  ['城北街道', '广场舞教学', 'culture', ['sports', 'performance'], '文化惠民', 90, 2, '社区文艺骨干教授广场舞和健身操，组建群众文艺队。'],
  ['城北街道', '老年人防诈骗宣讲', 'law', ['law'], '法律服务', 60, 1, '民警和法律志愿者结合真实案例讲解养老诈骗、电信诈骗的识别与防范。'],
  ['城南街道', '社区书法培训', 'culture', ['calligraphy'], '文化惠民', 90, 1, '每周一次书法兴趣班，面向老年人和中小学生。'],
  ['茶镇', '茶园管护与采茶帮工', 'science', ['tea'], '科学普及', 240, 5, '春茶采摘季为缺少劳力的茶农家庭帮工，指导鲜叶分级采摘。'],
  ['茶镇', '茶叶加工技术培训', 'science', ['tea', 'agriculture'], '科学普及', 180, 2, '制茶师傅讲解杀青、揉捻、烘干工艺，提升家庭作坊茶叶品质。'],
  ['杨河镇', '冬季送温暖', 'poverty', ['driving'], '我是党员我带头', 120, 3, '为困难群众送去棉衣棉被和生活物资（季节性服务，冬季开放）。'],
];

/** Station items: [institute (town) name, station index in that town, …item]. */
// prettier-ignore
const VILLAGE_ITEMS: ReadonlyArray<[town: string, station: number, ...ItemSpec]> = [
  ['城北街道', 0, '爱心陪诊', 'elderly', ['elderly_care', 'driving'], '青春先行', 180, 1, '陪独居老人到县医院挂号、就诊、取药。'],
  ['城北街道', 0, '楼院邻里调解', 'community', ['law'], null, 60, 2, '“五老”志愿者调解楼院邻里纠纷，化解矛盾在萌芽。'],
  ['城南街道', 0, '社区四点半课堂', 'children', ['tutoring'], '幸福教育', 120, 2, '放学后为双职工家庭的孩子提供作业辅导和看护。'],
  ['茶镇', 0, '茶山采茶帮工', 'poverty', ['tea'], '我是党员我带头', 240, 4, '组织党员和青年志愿者为困难茶农采摘春茶。'],
];

export interface ProjectsAndMenuSeed {
  projects: ProjectSeed[];
  menu: MenuSeed[];
}

/** The whole project/menu side of the demo county, as plain data. */
export function buildProjectsAndMenu(orgs: readonly OrgRef[], now: Date): ProjectsAndMenuSeed {
  const center = orgs.find((o) => o.kind === 'center')!;
  const institute = (town: string) => {
    const found = orgs.find((o) => o.kind === 'institute' && o.name === `${town}新时代文明实践所`);
    if (!found) throw new Error(`unknown town ${town}`);
    return found;
  };
  const station = (town: string, index: number) =>
    orgs.filter((o) => o.kind === 'station' && o.parentId === institute(town).id)[index]!;
  const item = (owner: OrgRef, [title, category, skills, project, minutes, volunteers, text]: ItemSpec) => ({
    owner,
    area: owner,
    project: project === null ? null : P(project),
    title,
    serviceCategory: category,
    skills,
    description: text,
    typicalMinutes: minutes,
    volunteersNeeded: volunteers,
    // the winter item waits for its season
    status: title === '冬季送温暖' ? ('withdrawn' as const) : ('published' as const),
  });
  const menu: MenuSeed[] = [
    ...COUNTY_ITEMS.map((spec) => item(center, spec)),
    ...TOWN_ITEMS.map(([town, ...spec]) => item(institute(town), spec)),
    ...VILLAGE_ITEMS.map(([town, index, ...spec]) => item(station(town, index), spec)),
  ];
  return { projects: projectSeeds(now), menu };
}

export async function insertProjectsAndMenu(
  ctx: AppContext,
  tx: Tx,
  orgs: OrgRef[],
): Promise<{ projects: number; menuItems: number }> {
  const center = orgs.find((o) => o.kind === 'center')!;
  const seed = buildProjectsAndMenu(orgs, ctx.now());
  const teams = await tx
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('org_id', '=', center.id)
    .where('kind', '=', 'professional')
    .execute();
  const teamId = new Map(teams.map((t) => [t.name, t.id]));
  const lastYearId = new Map<number, number>();
  const currentId = new Map<number, number>();
  for (const p of seed.projects) {
    const first = p.history[0]!.at;
    const last = p.history[p.history.length - 1]!.at;
    const row = await tx
      .insertInto('projects')
      .values({
        owner_org_id: center.id,
        org_path: center.path,
        name: p.name,
        year: p.year,
        platform: p.platform,
        service_category: p.serviceCategory,
        responsible_team_id: teamId.get(p.teamName) ?? null,
        responsible_unit: p.responsibleUnit,
        description: p.description,
        target_groups: p.targetGroups,
        yearly_target: 12,
        status: p.status,
        copied_from_id: p.copiedFromLastYear ? (lastYearId.get(p.spec) ?? null) : null,
        created_at: first,
        updated_at: last,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    (p.copiedFromLastYear ? currentId : lastYearId).set(p.spec, row.id);
    await tx
      .insertInto('project_status_history')
      .values(
        p.history.map((h) => ({
          project_id: row.id,
          org_path: center.path,
          from_status: h.from,
          to_status: h.to,
          note: h.note,
          changed_by: SEED_ACTOR,
          changed_at: h.at,
        })),
      )
      .execute();
  }
  const created = new Date(ctx.now().getTime() - 30 * DAY);
  await tx
    .insertInto('menu_items')
    .values(
      seed.menu.map((m) => ({
        owner_org_id: m.owner.id,
        org_path: m.owner.path,
        project_id: m.project === null ? null : currentId.get(m.project)!,
        title: m.title,
        service_category: m.serviceCategory,
        skills: m.skills,
        description: m.description,
        area_org_id: m.area.id,
        area_path: m.area.path,
        typical_minutes: m.typicalMinutes,
        volunteers_needed: m.volunteersNeeded,
        status: m.status,
        created_at: created,
        updated_at: created,
      })),
    )
    .execute();
  return { projects: seed.projects.length, menuItems: seed.menu.length };
}
