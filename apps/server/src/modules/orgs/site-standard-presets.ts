// The preset site standards (阵地建设标准) taken from the county's own work plans: each is a
// checklist of "有…" items an inspector ticks off on site. They are owned by the centre, so every
// unit below it can read and use them; only the centre may change them.
import type { OrgKind } from '@civic/contracts';
import type { Executor } from '../../platform/db/database.ts';

export interface SiteStandardPreset {
  code: string;
  name: string;
  description: string;
  appliesTo: OrgKind[];
  passScore: number;
  items: Array<{ title: string; description: string; weight: number }>;
}

export const SITE_STANDARD_PRESETS: SiteStandardPreset[] = [
  {
    code: 'wuyou',
    name: '“五有”阵地标准',
    description:
      '新时代文明实践站（点）阵地建设“五有”：有统一标识、有活动场所、有管理制度、有氛围营造、有活动展示。',
    appliesTo: ['station', 'point'],
    passScore: 80,
    items: [
      {
        title: '有统一标识',
        description: '门口悬挂全市统一样式的文明实践站（点）标识牌，名称规范、完好醒目。',
        weight: 20,
      },
      {
        title: '有活动场所',
        description: '设有办公室、实践讲堂等功能室或室内外活动场地，配备电脑、影音设备和学习资料架。',
        weight: 20,
      },
      {
        title: '有管理制度',
        description: '上墙公示组织架构图、负责人及联络员电话，以及日常管理制度和工作制度。',
        weight: 20,
      },
      {
        title: '有氛围营造',
        description: '布置总书记重要论述、名言金句或特色文化墙绘、公益广告，主题突出、与环境协调。',
        weight: 20,
      },
      {
        title: '有活动展示',
        description: '设有可更换的活动展示栏，展示文明实践活动成果，内容每季度至少更新一次。',
        weight: 20,
      },
    ],
  },
  {
    code: 'liuyou',
    name: '“六有”建设标准',
    description:
      '新时代文明实践站建设“六有”：有实践场所、有学习计划、有志愿队伍、有配套教材、有活动档案、有工作成效。',
    appliesTo: ['station'],
    passScore: 80,
    items: [
      {
        title: '有实践场所',
        description: '有固定场地、必要设备和标识牌，整合利用现有设施，能正常开展活动。',
        weight: 20,
      },
      {
        title: '有学习计划',
        description: '制定年度学习计划和课程表并在醒目位置公示，做到季有主题、月有重点、周有安排。',
        weight: 15,
      },
      {
        title: '有志愿队伍',
        description: '以“五老”“五青”为主体组建志愿者队伍，名册齐全并常态化开展活动。',
        weight: 15,
      },
      {
        title: '有配套教材',
        description:
          '配备理论、政策、传统文化、法律、科普类书籍，含习近平新时代中国特色社会主义思想系列读本。',
        weight: 15,
      },
      {
        title: '有活动档案',
        description: '宣讲计划、记录、考勤、照片视频等资料分类归档，活动有资料、有痕迹。',
        weight: 15,
      },
      {
        title: '有工作成效',
        description: '每月至少开展 2 次活动，群众参与积极、评价良好，有可查的活动成果。',
        weight: 20,
      },
    ],
  },
  {
    code: 'qigeyou',
    name: '“七个有”建设标准',
    description:
      '新时代文明实践所（站）建设“七个有”：有工作场所、有统一标识、有工作人员、有志愿队伍、有活动项目、有工作制度、有经费保障。',
    appliesTo: ['institute', 'station'],
    passScore: 80,
    items: [
      {
        title: '有工作场所',
        description: '设有文明实践所（站）办公室和活动阵地，场所固定、可正常使用。',
        weight: 15,
      },
      {
        title: '有统一标识',
        description: '悬挂统一的文明实践所（站）标识标牌，活动设施配套完善。',
        weight: 15,
      },
      {
        title: '有工作人员',
        description: '明确所（站）长、副所（站）长和专职管理员，分工清楚、专人专管。',
        weight: 15,
      },
      { title: '有志愿队伍', description: '成立志愿服务分队或小队，队长明确、队员名册齐全。', weight: 15 },
      {
        title: '有活动项目',
        description: '围绕群众需求策划志愿服务项目，有全年活动计划，每月至少开展 1 次集中活动。',
        weight: 15,
      },
      {
        title: '有工作制度',
        description: '建立并公示工作制度、管理制度和活动登记制度，执行有记录。',
        weight: 15,
      },
      { title: '有经费保障', description: '工作经费有落实、来源清楚，支出有据可查。', weight: 10 },
    ],
  },
  {
    code: 'bayou',
    name: '“八有”建设标准',
    description:
      '村（社区）新时代文明实践站建设“八有”：有场所、有队伍、有活动、有项目、有机制、有机构、有主题、有档案。',
    appliesTo: ['station'],
    passScore: 80,
    items: [
      { title: '有场所', description: '有固定的文明实践场所和活动场地，挂牌规范、设施可用。', weight: 15 },
      { title: '有队伍', description: '组建文明实践志愿服务队伍，队员名册齐全、定期开展服务。', weight: 15 },
      {
        title: '有活动',
        description: '常态化开展理论宣讲、文化文艺、关爱帮扶等活动，有活动记录和照片。',
        weight: 15,
      },
      {
        title: '有项目',
        description: '有贴近群众需求的志愿服务项目（如“茶乡微讲堂”），有实施方案和负责人。',
        weight: 10,
      },
      {
        title: '有机制',
        description: '建立群众点单、队伍培训、考核激励等运行机制，并有执行记录。',
        weight: 10,
      },
      {
        title: '有机构',
        description: '成立站级工作机构，站长、副站长和成员明确，组织架构上墙。',
        weight: 10,
      },
      {
        title: '有主题',
        description: '围绕学理论、宣政策、育新风等确定年度或季度活动主题，并按主题开展活动。',
        weight: 10,
      },
      {
        title: '有档案',
        description: '活动计划、记录、签到、影像等资料分类归档，台账完整可查。',
        weight: 15,
      },
    ],
  },
  {
    code: 'bayou-sibibei',
    name: '驿站“八有四必备”标准',
    description:
      '新时代文明实践驿站建设“八有”“四必备”：八项建设内容加“学习强国”广播站、图书角、宣传资料、志愿者服务登记簿四项必备，须全部达到。',
    appliesTo: ['post'],
    passScore: 100,
    items: [
      { title: '有阵地', description: '有固定的驿站服务空间，对外开放、方便群众就近进入。', weight: 10 },
      { title: '有标识', description: '悬挂统一的新时代文明实践驿站标识，位置醒目、完好整洁。', weight: 10 },
      { title: '有志愿者服装', description: '在岗志愿者统一穿着志愿者服装（马甲）或佩戴标志。', weight: 10 },
      { title: '有志愿服务人员', description: '有固定的志愿服务人员轮值，值班表上墙公示。', weight: 10 },
      {
        title: '有志愿服务项目或内容',
        description: '公示驿站提供的志愿服务项目或服务内容，并实际开展。',
        weight: 10,
      },
      {
        title: '有工作制度或管理办法',
        description: '工作制度或管理办法上墙，开放时间和服务规范明确。',
        weight: 10,
      },
      {
        title: '有便民服务设施',
        description: '配备饮水、充电、休息座椅、应急药箱等便民设施，可正常使用。',
        weight: 10,
      },
      {
        title: '有活动宣传展示平台',
        description: '设有展示栏、显示屏或线上平台，宣传展示驿站活动。',
        weight: 10,
      },
      {
        title: '“学习强国”广播站',
        description: '（四必备）设有“学习强国”广播站（收听设备），能正常播放。',
        weight: 5,
      },
      { title: '图书角', description: '（四必备）设有图书角，书籍摆放整齐、可供群众借阅。', weight: 5 },
      {
        title: '宣传资料',
        description: '（四必备）摆放理论政策、文明实践等宣传资料，供群众取阅。',
        weight: 5,
      },
      {
        title: '志愿者服务登记簿',
        description: '（四必备）有志愿者服务登记簿，服务时间、内容、人员记录完整。',
        weight: 5,
      },
    ],
  },
];

/**
 * Inserts every preset (is_preset, owned by the centre) with its items. Presets the centre already
 * has (same code) are left alone, so running it twice does no harm.
 */
export async function insertPresetStandards(
  tx: Executor,
  center: { id: number; path: string },
): Promise<void> {
  const existing = new Set(
    (
      await tx.selectFrom('site_standards').select('code').where('owner_org_id', '=', center.id).execute()
    ).map((r) => r.code),
  );
  for (const preset of SITE_STANDARD_PRESETS) {
    if (existing.has(preset.code)) continue;
    const { id } = await tx
      .insertInto('site_standards')
      .values({
        owner_org_id: center.id,
        org_path: center.path,
        code: preset.code,
        name: preset.name,
        description: preset.description,
        applies_to: preset.appliesTo,
        pass_score: preset.passScore,
        is_preset: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('site_standard_items')
      .values(
        preset.items.map((item, index) => ({
          standard_id: id,
          org_path: center.path,
          seq: index + 1,
          title: item.title,
          description: item.description,
          weight: item.weight,
        })),
      )
      .execute();
  }
}
