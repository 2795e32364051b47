/**
 * Fixed tables for the demo county's volunteers and teams: names by gender and generation, the ID
 * region codes of 西乡县 and its neighbours, the 12 county professional teams of "文明实践365"
 * (seed 003 附件一, 区 → 县), the feature and regular squads of the stations (seed 000 §(二)) and
 * the short texts that fill notes and reasons.
 */
import type { Platform, ServiceCategory, Skill, TeamKind, TeamTier } from '@civic/contracts';

/** Given names by gender and by generation: born before 1970, 1970–1994, 1995 and after. */
// prettier-ignore
export const GIVEN_NAMES: Record<'male' | 'female', Record<'old' | 'middle' | 'young', readonly string[]>> = {
  male: {
    old: [
      '建国', '建华', '建军', '国强', '国华', '志强', '志刚', '卫东', '卫国', '德明', '德华', '光明',
      '春生', '春林', '长林', '长青', '学军', '学文', '立新', '立军', '有才', '茂林', '成刚', '安平',
      '新民', '万里', '振华', '忠义', '永强', '永刚', '世明', '文华',
    ],
    middle: [
      '海涛', '海军', '海波', '文斌', '文军', '明亮', '明辉', '俊杰', '晓东', '晓峰', '晓明', '宏伟',
      '宏亮', '金龙', '家兴', '家俊', '兴旺', '振兴', '雪松', '世杰', '正阳', '玉龙', '志明', '伟',
      '强', '磊', '军', '勇', '杰', '涛', '斌', '峰', '亮', '刚', '超', '健', '明', '华', '平',
    ],
    young: [
      '浩然', '宇航', '博文', '鹏飞', '俊杰', '子轩', '浩宇', '宇轩', '梓豪', '一鸣', '明轩', '天佑',
      '家豪', '思远', '鑫', '洋', '超', '磊',
    ],
  },
  female: {
    old: [
      '秀英', '秀兰', '秀珍', '桂英', '桂兰', '玉兰', '玉梅', '凤英', '翠兰', '翠萍', '金凤', '巧云',
      '淑芬', '淑华', '素芳', '月琴', '兰芳', '春梅', '红梅', '永红',
    ],
    middle: [
      '丽华', '丽娟', '丽萍', '艳红', '艳芳', '春燕', '小燕', '晓燕', '晓琴', '雪梅', '海燕', '美玲',
      '彩霞', '亚琴', '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '琳', '蓉', '倩', '红',
    ],
    young: [
      '婷婷', '静怡', '欣怡', '思琪', '梦瑶', '佳慧', '雨欣', '诗涵', '文静', '慧敏', '一诺', '子涵',
      '梓涵', '雨萱', '可欣', '琳', '倩', '悦',
    ],
  },
};

/** Every female given name above and in county-data's list: tells an org head's gender. */
export const FEMALE_GIVEN_NAMES: ReadonlySet<string> = new Set([
  ...GIVEN_NAMES.female.old,
  ...GIVEN_NAMES.female.middle,
  ...GIVEN_NAMES.female.young,
]);

/** GB/T 2260 codes of 西乡县 and its neighbours in 汉中市, all in the historical list; weights. */
export const ID_REGIONS: ReadonlyArray<readonly [code: string, weight: number]> = [
  ['610724', 86], // 西乡县
  ['610721', 3], // 南郑县 (南郑区 610703 since 2017; older IDs keep the county code)
  ['610722', 3], // 城固县
  ['610723', 2], // 洋县
  ['610702', 2], // 汉台区
  ['610728', 2], // 镇巴县
  ['610725', 1], // 勉县
  ['610726', 1], // 宁强县
];

/** The seed's anchor: ages are drawn as of this day, so ID numbers never change between runs. */
export const AGE_ANCHOR = '2026-11-01';

/** [from, to, weight]: ages as of AGE_ANCHOR; under 14 are students with a guardian's consent. */
export const AGE_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [8, 13, 2],
  [14, 17, 3],
  [18, 24, 8],
  [25, 39, 17],
  [40, 54, 28],
  [55, 69, 32],
  [70, 75, 10],
];

/** [cumulative share, from, to]: lifetime hours, mostly under 150, a few past the 300-hour star. */
export const HOUR_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [0.3, 0, 20],
  [0.72, 20, 100],
  [0.92, 100, 300],
  [0.98, 300, 800],
  [1, 800, 1600],
];

/** The service a skill is usually put to. */
export const SKILL_SERVICE: Record<Skill, ServiceCategory> = {
  theory_lecture: 'theory',
  law: 'law',
  medical: 'health',
  psychology: 'health',
  tutoring: 'education',
  performance: 'culture',
  calligraphy: 'culture',
  photography: 'culture',
  sports: 'culture',
  agriculture: 'science',
  tea: 'science',
  computer: 'education',
  driving: 'traffic',
  repair: 'community',
  haircut: 'elderly',
  cooking: 'elderly',
  first_aid: 'emergency',
  sign_language: 'disability',
  elderly_care: 'elderly',
  writing: 'theory',
};

export interface ProfessionalTeamSpec {
  project: string;
  content: string;
  responsibleUnit: string;
  platform: Platform | null;
  serviceCategories: ServiceCategory[];
  /** skills that make a volunteer a natural member */
  skills: Skill[];
}

/**
 * "文明实践365" (seed 003 附件一): 12 projects, 12 services a year each. Units are moved from 区 to
 * 县, and bureaus since merged carry their successor's name (文体新局 → 文化和旅游局, 卫计局 →
 * 卫生健康局, 环保局 → 生态环境局, 教育局 → 教育体育局, as the county's platform leads are named).
 */
export const PROFESSIONAL_TEAMS: readonly ProfessionalTeamSpec[] = [
  {
    project: '我是党员我带头',
    content: '党员教育、帮扶救困、移风易俗',
    responsibleUnit: '县委组织部',
    platform: 'theory',
    serviceCategories: ['poverty', 'community', 'theory'],
    skills: ['theory_lecture', 'writing'],
  },
  {
    project: '理论宣讲',
    content: '党的创新理论、党的政策宣讲解读',
    responsibleUnit: '县委党校',
    platform: 'theory',
    serviceCategories: ['theory'],
    skills: ['theory_lecture', 'writing'],
  },
  {
    project: '文化惠民',
    content: '送书法、送电影、送春联年画、文体活动、文艺汇演、文明旅游',
    responsibleUnit: '县文化和旅游局',
    platform: 'culture_arts',
    serviceCategories: ['culture'],
    skills: ['performance', 'calligraphy', 'photography'],
  },
  {
    project: '科学普及',
    content: '科技培训、知识维权、技术普及',
    responsibleUnit: '县科技局',
    platform: 'science',
    serviceCategories: ['science'],
    skills: ['tea', 'agriculture', 'computer'],
  },
  {
    project: '法律服务',
    content: '法律咨询、法律培训、爱心法援、法治宣传',
    responsibleUnit: '县司法局',
    platform: 'theory',
    serviceCategories: ['law'],
    skills: ['law'],
  },
  {
    project: '青春先行',
    content: '关爱留守儿童、关爱空巢老人、志愿服务培训、暖冬行动、快乐暑假、爱心捐赠',
    responsibleUnit: '团县委',
    platform: 'education_sports',
    serviceCategories: ['children', 'elderly'],
    skills: ['tutoring', 'sports', 'computer'],
  },
  {
    project: '幸福教育',
    content: '爱心助学、爱心助教、爱心送教、三区支教、义务心理辅导、假期运动场馆对外开放',
    responsibleUnit: '县教育体育局',
    platform: 'education_sports',
    serviceCategories: ['education', 'children'],
    skills: ['tutoring', 'psychology', 'sports'],
  },
  {
    project: '关爱自然',
    content: '环境保护、蓝天保卫、爱护家园',
    responsibleUnit: '县生态环境局',
    platform: 'science',
    serviceCategories: ['environment'],
    skills: ['agriculture', 'photography'],
  },
  {
    project: '文明交通',
    content: '交通引导、安全教育、排队礼让、文明出行',
    responsibleUnit: '县交警大队',
    platform: null,
    serviceCategories: ['traffic'],
    skills: ['driving', 'first_aid'],
  },
  {
    project: '爱心医疗',
    content: '组织献血、健康咨询、爱心义诊、医疗援助',
    responsibleUnit: '县卫生健康局',
    platform: 'health',
    serviceCategories: ['health'],
    skills: ['medical', 'first_aid'],
  },
  {
    project: '红十字',
    content: '救护培训、造血干细胞捐献、遗体和人体器官捐献、红十字青少年、社区陪伴、博爱进万家',
    responsibleUnit: '县红十字会',
    platform: 'health',
    serviceCategories: ['emergency', 'health'],
    skills: ['first_aid', 'medical'],
  },
  {
    project: '筑爱助残',
    content: '扶贫助残、康复服务、教育就业',
    responsibleUnit: '县残联',
    platform: 'health',
    serviceCategories: ['disability', 'poverty'],
    skills: ['sign_language', 'elderly_care', 'medical'],
  },
];

export interface SquadSpec {
  name: string;
  tier: Extract<TeamTier, 'squad' | 'detachment'>;
  kind: Extract<TeamKind, 'regular' | 'feature'>;
  platform: Platform | null;
  serviceCategories: ServiceCategory[];
  skills: Skill[];
  where: 'village' | 'community' | 'any';
  /** 好媳妇先锋队 are women */
  women?: boolean;
  description: string;
}

/** Squads and detachments under a station's squadron; the feature ones follow seed 000 §(二). */
export const SQUADS: readonly SquadSpec[] = [
  {
    name: '茶技服务小分队',
    tier: 'detachment',
    kind: 'feature',
    platform: 'science',
    serviceCategories: ['science', 'poverty'],
    skills: ['tea', 'agriculture'],
    where: 'village',
    description: '组织种茶能手进茶园，开展茶园管护、修剪施肥和手工制茶技术指导，助力茶产业增收。',
  },
  {
    name: '星光助老小队',
    tier: 'squad',
    kind: 'feature',
    platform: null,
    serviceCategories: ['elderly'],
    skills: ['elderly_care', 'haircut', 'cooking'],
    where: 'any',
    description: '结对空巢、独居和高龄老人，定期上门探访，开展理发、代购、助餐和陪伴聊天服务。',
  },
  {
    name: '好媳妇先锋队',
    tier: 'squad',
    kind: 'feature',
    platform: null,
    serviceCategories: ['elderly', 'children', 'community'],
    skills: ['cooking', 'elderly_care'],
    where: 'any',
    women: true,
    description: '由“好媳妇”“好婆婆”评选中的先进妇女组成，带头孝老爱亲、调解邻里纠纷、倡导移风易俗。',
  },
  {
    name: '“爱我西乡”文明劝导小队',
    tier: 'squad',
    kind: 'feature',
    platform: null,
    serviceCategories: ['traffic', 'environment', 'community'],
    skills: ['driving', 'first_aid'],
    where: 'any',
    description: '在路口、集市和小区劝导不文明行为，开展文明交通、垃圾分类和“门前三小”环境整治劝导。',
  },
  {
    name: '茶乡微讲堂宣讲小分队',
    tier: 'detachment',
    kind: 'regular',
    platform: 'theory',
    serviceCategories: ['theory'],
    skills: ['theory_lecture', 'writing'],
    where: 'village',
    description: '依托“茶乡微讲堂”，晴天院坝讲、雨天堂屋讲，用乡音土话宣讲党的政策和身边好人故事。',
  },
  {
    name: '文艺志愿小分队',
    tier: 'detachment',
    kind: 'regular',
    platform: 'culture_arts',
    serviceCategories: ['culture'],
    skills: ['performance', 'calligraphy'],
    where: 'any',
    description: '排练广场舞、汉调二黄和快板节目，在“我们的节日”期间开展送春联、文艺汇演等活动。',
  },
  {
    name: '爱心助学小分队',
    tier: 'detachment',
    kind: 'regular',
    platform: 'education_sports',
    serviceCategories: ['education', 'children'],
    skills: ['tutoring', 'psychology'],
    where: 'community',
    description: '为留守儿童和困难家庭学生开展课业辅导、假期托管和心理陪伴。',
  },
  {
    name: '环境整治小分队',
    tier: 'detachment',
    kind: 'regular',
    platform: null,
    serviceCategories: ['environment', 'community'],
    skills: ['agriculture', 'repair'],
    where: 'any',
    description: '开展河道清理、房前屋后环境整治和垃圾分类宣传，守护绿水青山。',
  },
];

export const SUSPEND_REASONS: readonly string[] = [
  '长期外出务工，本人申请暂停服务',
  '身体原因，暂停参加志愿服务',
  '联系方式失效，待核实后恢复',
  '随子女迁居外地，暂停服务',
];

export const LEFT_NOTES: readonly string[] = [
  '外出务工，本人申请离队',
  '工作调整，时间无法保证',
  '家中老人需要照顾，暂时离队',
];

export const APPLICATION_NOTES: readonly string[] = [
  '退休在家时间充裕，想为乡亲们多做点事。',
  '在村里种了二十多年茶，愿意把管护和制茶的经验教给大家。',
  '平时喜欢跳广场舞，想参加文艺活动。',
  '我是党员，想带头参加志愿服务。',
  '有驾照和私家车，活动时可以帮忙接送。',
  '在卫生院工作过，会测血压、量血糖。',
  '周末有空，可以给孩子们辅导作业。',
  '看到队里经常看望老人，我也想出一份力。',
];

export const SKILL_NOTES: Partial<Record<Skill, readonly string[]>> = {
  tea: ['持有茶艺师（中级）证书', '会手工炒制午子仙毫', '家庭茶园三十余亩'],
  medical: ['持有执业医师资格证', '持有护士执业证书', '乡村医生'],
  law: ['执业律师', '基层法律服务工作者'],
  performance: ['会唱汉调二黄', '广场舞领队', '会拉二胡'],
  calligraphy: ['县书法家协会会员', '擅长写春联'],
  tutoring: ['退休小学教师', '在读师范生'],
  first_aid: ['持有红十字救护员证'],
  driving: ['持有 B2 驾驶证'],
};
