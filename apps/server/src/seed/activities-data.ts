/**
 * The words of the demo county's activities: the dates of 我们的节日, titles by form (讲/评/帮/乐/
 * 庆/树/行, seeds 001 and 003) and by festival, the yearly plans' quarterly themes and monthly focus
 * (年有计划、季有主题、月有重点, built on 强身·健脑·富民 of seed 001 第一篇), the topics of the
 * monthly 茶乡微讲堂 (seed 004 §6) and the archive's summaries.
 */
import type { ActivityForm, Festival } from '@civic/contracts';

/** The traditional festivals the seed marks every year (seed 003: 结合"我们的节日"不少于5场). */
export const SEED_FESTIVALS = [
  'spring',
  'lantern',
  'qingming',
  'dragon_boat',
  'qixi',
  'mid_autumn',
  'double_ninth',
] as const satisfies readonly Festival[];
export type SeedFestival = (typeof SEED_FESTIVALS)[number];

/**
 * Gregorian dates (MM-DD) of the lunar festivals, from the official calendar (紫金山天文台).
 * Hard-coded because ICU's Chinese calendar is a day off when the new moon falls near midnight
 * in Beijing (it puts 2027's 春节 on 02-07; the official date is 02-06).
 */
const LUNAR_DATES: Record<number, Record<Exclude<SeedFestival, 'qingming'>, string>> = {
  2024: {
    spring: '02-10',
    lantern: '02-24',
    dragon_boat: '06-10',
    qixi: '08-10',
    mid_autumn: '09-17',
    double_ninth: '10-11',
  },
  2025: {
    spring: '01-29',
    lantern: '02-12',
    dragon_boat: '05-31',
    qixi: '08-29',
    mid_autumn: '10-06',
    double_ninth: '10-29',
  },
  2026: {
    spring: '02-17',
    lantern: '03-03',
    dragon_boat: '06-19',
    qixi: '08-19',
    mid_autumn: '09-25',
    double_ninth: '10-18',
  },
  2027: {
    spring: '02-06',
    lantern: '02-20',
    dragon_boat: '06-09',
    qixi: '08-08',
    mid_autumn: '09-15',
    double_ninth: '10-08',
  },
  2028: {
    spring: '01-26',
    lantern: '02-09',
    dragon_boat: '05-28',
    qixi: '08-26',
    mid_autumn: '10-03',
    double_ninth: '10-26',
  },
  2029: {
    spring: '02-13',
    lantern: '02-27',
    dragon_boat: '06-16',
    qixi: '08-16',
    mid_autumn: '09-22',
    double_ninth: '10-16',
  },
};

const LUNAR_MONTH_DAY: Record<Exclude<SeedFestival, 'qingming'>, [number, number]> = {
  spring: [1, 1],
  lantern: [1, 15],
  dragon_boat: [5, 5],
  qixi: [7, 7],
  mid_autumn: [8, 15],
  double_ninth: [9, 9],
};

/** 清明 is a solar term: 4 or 5 April in this century (寿星 formula, exact for 2000–2099). */
export function qingmingDay(year: number): number {
  const y = year % 100;
  return Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
}

/** A lunar date in a Gregorian year, read from ICU (outside the table's years only). */
export function lunarDateByIcu(year: number, lunarMonth: number, lunarDay: number): string | null {
  const format = new Intl.DateTimeFormat('en-u-ca-chinese', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
  });
  for (let t = Date.UTC(year, 0, 1, 4); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const parts = format.formatToParts(new Date(t));
    // a leap month reads "6bis": Number() makes it NaN, so it never matches
    if (
      Number(parts.find((p) => p.type === 'month')?.value) === lunarMonth &&
      Number(parts.find((p) => p.type === 'day')?.value) === lunarDay
    )
      return new Date(t).toISOString().slice(0, 10);
  }
  return null;
}

/** The festival's date (YYYY-MM-DD, Beijing) in a Gregorian year. */
export function festivalDate(festival: SeedFestival, year: number): string {
  if (festival === 'qingming') return `${year}-04-0${qingmingDay(year)}`;
  const known = LUNAR_DATES[year]?.[festival];
  if (known) return `${year}-${known}`;
  const [month, day] = LUNAR_MONTH_DAY[festival];
  const found = lunarDateByIcu(year, month, day);
  if (!found) throw new Error(`no date for ${festival} in ${year}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------

export interface TitleSpec {
  title: string;
  form: ActivityForm;
  /** people reached per volunteer, for the summary */
  reach: number;
}

/** Per festival: what an institute (town) does, and what a village station does. */
export const FESTIVAL_TITLES: Record<SeedFestival, { town: TitleSpec[]; village: TitleSpec[] }> = {
  spring: {
    town: [
      { title: '“我们的节日·春节”文化进万家文艺汇演', form: 'qing', reach: 20 },
      { title: '“我们的节日·春节”写春联送福字', form: 'qing', reach: 12 },
    ],
    village: [
      { title: '写春联送福字迎新春', form: 'qing', reach: 10 },
      { title: '春节走访慰问困难群众', form: 'bang', reach: 4 },
      { title: '移风易俗过大年倡议宣讲', form: 'jiang', reach: 8 },
    ],
  },
  lantern: {
    town: [
      { title: '“我们的节日·元宵”猜灯谜闹元宵', form: 'qing', reach: 15 },
      { title: '元宵节社火舞龙舞狮展演', form: 'le', reach: 25 },
    ],
    village: [
      { title: '闹元宵猜灯谜', form: 'qing', reach: 8 },
      { title: '元宵节邻里包汤圆', form: 'qing', reach: 6 },
    ],
  },
  qingming: {
    town: [
      { title: '“我们的节日·清明”缅怀革命先烈', form: 'jiang', reach: 10 },
      { title: '清明文明祭扫倡议活动', form: 'xing', reach: 10 },
    ],
    village: [
      { title: '清明节文明祭扫宣传', form: 'xing', reach: 8 },
      { title: '清明护林防火志愿巡查', form: 'xing', reach: 5 },
    ],
  },
  dragon_boat: {
    town: [
      { title: '“我们的节日·端午”龙舟赛', form: 'le', reach: 30 },
      { title: '“我们的节日·端午”包粽子话传统', form: 'qing', reach: 10 },
    ],
    village: [
      { title: '端午节包粽子送老人', form: 'bang', reach: 5 },
      { title: '端午民俗知识进院坝', form: 'jiang', reach: 8 },
    ],
  },
  qixi: {
    town: [
      { title: '“我们的节日·七夕”婚育新风倡导', form: 'jiang', reach: 10 },
      { title: '七夕集体婚礼·新事新办', form: 'qing', reach: 15 },
    ],
    village: [
      { title: '七夕反对高额彩礼宣讲', form: 'jiang', reach: 8 },
      { title: '七夕“好媳妇、好公婆”故事会', form: 'shu', reach: 8 },
    ],
  },
  mid_autumn: {
    town: [
      { title: '“我们的节日·中秋”邻里共团圆晚会', form: 'qing', reach: 20 },
      { title: '中秋月饼送温暖', form: 'bang', reach: 6 },
    ],
    village: [
      { title: '中秋节邻里团圆会', form: 'qing', reach: 8 },
      { title: '中秋慰问留守老人和儿童', form: 'bang', reach: 4 },
    ],
  },
  double_ninth: {
    town: [
      { title: '“我们的节日·重阳”敬老爱老文艺演出', form: 'qing', reach: 15 },
      { title: '重阳节高龄老人集中祝寿', form: 'qing', reach: 8 },
    ],
    village: [
      { title: '重阳节敬老爱老志愿服务', form: 'bang', reach: 5 },
      { title: '重阳节为老人义诊义剪', form: 'bang', reach: 6 },
    ],
  },
};

/** Everyday activities by form, for towns and villages alike. */
export const FORM_TITLES: Record<ActivityForm, string[]> = {
  jiang: [
    '理论宣讲进院坝：乡村振兴惠民政策',
    '理论宣讲：党的创新理论百姓说',
    '政策宣讲：医保和养老保险政策解读',
    '法治宣讲：民法典与百姓生活',
    '防范电信网络诈骗宣讲',
    '移风易俗宣讲：红白喜事简办',
    '健康知识讲座：慢病防治与合理用药',
    '科普讲座：茶园病虫害绿色防控',
    '森林防火与防汛避险知识宣讲',
    '“五知五行·知行合一”宣讲',
  ],
  ping: [
    '道德评议会：孝老爱亲议一议',
    '乡风评议·善行义举红黑榜',
    '村规民约修订评议会',
    '文明家庭评议会',
    '“好媳妇、好公婆”群众评议',
  ],
  bang: [
    '关爱空巢老人上门服务',
    '义诊巡诊进村',
    '义务理发暖人心',
    '家电义务维修',
    '留守儿童课业辅导',
    '困难群众走访帮扶',
    '助农采茶志愿服务',
    '老年人智能手机教学',
  ],
  le: [
    '广场舞展演',
    '送戏下乡：汉调桄桄专场',
    '公益电影放映',
    '柔力球太极拳培训',
    '农民趣味运动会',
    '农家书屋读书分享会',
  ],
  qing: ['邻里文化节', '“村晚”文艺汇演', '老人集体生日会'],
  shu: [
    '身边好人评选表彰',
    '星级文明户挂牌',
    '最美家庭表彰会',
    '道德模范事迹分享会',
    '“好媳妇、好公婆”表彰会',
  ],
  xing: [
    '人居环境整治志愿行动',
    '河道清洁志愿行动',
    '垃圾分类宣传行动',
    '文明交通劝导',
    '爱国卫生运动',
    '门前三小清洁行动',
  ],
};

/** How often each form is drawn for everyday activities (the festivals add 庆). */
export const FORM_WEIGHTS: ReadonlyArray<readonly [ActivityForm, number]> = [
  ['jiang', 5],
  ['bang', 5],
  ['xing', 3],
  ['le', 3],
  ['ping', 1.5],
  ['shu', 1.5],
  ['qing', 0.7],
];

/** The platform an activity of this form belongs to, when no project says otherwise. */
export const FORM_PLATFORM: Record<ActivityForm, string | null> = {
  jiang: 'theory',
  ping: 'theory',
  bang: 'health',
  le: 'culture_arts',
  qing: 'culture_arts',
  shu: 'theory',
  xing: 'science',
};

/** The "文明实践365" project an institute's activity of this form may belong to. */
export const FORM_PROJECT: Record<ActivityForm, string[]> = {
  jiang: ['理论宣讲', '法律服务', '我是党员我带头'],
  ping: ['我是党员我带头'],
  bang: ['爱心医疗', '青春先行', '筑爱助残'],
  le: ['文化惠民'],
  qing: ['文化惠民'],
  shu: ['我是党员我带头'],
  xing: ['关爱自然', '文明交通'],
};

/** The centre's county-wide activities of the professional teams (project name, title, form). */
export const CENTRE_TITLES: ReadonlyArray<readonly [project: string, title: string, form: ActivityForm]> = [
  ['理论宣讲', '县委宣讲团集中宣讲：党的创新理论进基层', 'jiang'],
  ['我是党员我带头', '党员志愿者进社区“双报到”服务', 'bang'],
  ['文化惠民', '“文化惠民”送戏下乡巡演启动仪式', 'le'],
  ['科学普及', '科技活动周：茶叶种植技术培训', 'jiang'],
  ['法律服务', '“宪法宣传周”法律服务进万家', 'jiang'],
  ['青春先行', '“青春先行”关爱留守儿童暑期行', 'bang'],
  ['幸福教育', '“幸福教育”家庭教育公益讲座', 'jiang'],
  ['关爱自然', '汉江河道清洁志愿行动', 'xing'],
  ['文明交通', '“文明交通”集镇劝导周', 'xing'],
  ['爱心医疗', '“爱心医疗”专家义诊下乡', 'bang'],
  ['红十字', '应急救护技能培训', 'jiang'],
  ['筑爱助残', '全国助残日“筑爱助残”志愿服务', 'bang'],
];

/** 茶乡微讲堂 (seed 004 §6): one topic a month, held mid-month. */
export const TEAHOUSE_TOPICS: readonly string[] = [
  '新春话新风：红白喜事简办',
  '茶园春管与春茶采摘标准',
  '学雷锋：身边的志愿者故事',
  '清明文明祭扫与森林防火',
  '春茶加工与茶叶电商',
  '防汛避险与夏季安全',
  '党的创新理论百姓说',
  '民法典与婚姻家庭',
  '秋季茶园管护与增收',
  '敬老孝亲好家风',
  '防范电信网络诈骗',
  '年终话变化：乡村振兴这一年',
];

/** 忙时晚上讲 (seed 004 §6): the tea-picking and harvest months meet in the evening. */
export const BUSY_MONTHS: ReadonlySet<number> = new Set([4, 5, 9, 10]);

export const QUARTER_THEMES: readonly (readonly string[])[] = [
  ['移风易俗树新风·欢欢喜喜过大年', '我们的节日·文明新风进万家'],
  ['理论宣讲进院坝·健脑明理促发展', '强身健体迎春来·文明实践在身边'],
  ['富民增收助振兴·关爱服务暖人心', '强身健脑富民·茶乡夏日文明行'],
  ['文明新风满茶乡·喜庆丰收感党恩', '敬老孝亲传家风·文明实践颂丰年'],
];

/**
 * 月有重点: the focus of each month (index 0 = January); a month with one of 我们的节日 names it
 * too (the festivals move with the lunar calendar).
 */
export const MONTH_FOCUS: ReadonlyArray<readonly [title: string, form: ActivityForm, text: string]> = [
  ['岁末年初送温暖', 'bang', '走访慰问困难群众、空巢老人，开展写春联送福字活动。'],
  ['移风易俗树新风', 'jiang', '倡导红白喜事简办、文明过节，抵制大操大办和封建迷信。'],
  ['学雷锋志愿服务月', 'xing', '集中开展学雷锋志愿服务，壮大志愿者队伍。'],
  ['理论宣讲进院坝', 'jiang', '用群众听得懂的话开展春季理论宣讲和政策解读，倡导文明祭扫。'],
  ['茶乡微讲堂进茶园', 'jiang', '结合春茶采摘，开展茶叶技术指导和助农帮工。'],
  ['健康义诊进万家', 'bang', '开展健康义诊、慢病随访和健身活动，强身健体。'],
  ['党的创新理论宣讲月', 'jiang', '围绕“七一”开展主题党日和理论宣讲，关爱留守儿童暑期生活。'],
  ['婚育新风倡导', 'jiang', '倡导婚事新办，抵制高额彩礼和大操大办。'],
  ['庆丰收·邻里守望', 'qing', '开展庆丰收、邻里团圆活动，关爱留守老人儿童。'],
  ['敬老孝亲·国庆感党恩', 'qing', '开展敬老爱老志愿服务和国庆主题活动。'],
  ['冬季科普·法治宣传', 'jiang', '开展防诈骗、森林防火、冬季健康等科普和法治宣传。'],
  ['道德评议·年度好人选树', 'shu', '开展道德评议，评选身边好人和星级文明户，总结全年工作。'],
];

/** Everyday activities tied to a day of the year: [month, day, title, form]. */
export const DATED_TITLES: ReadonlyArray<
  readonly [month: number, day: number, title: string, form: ActivityForm]
> = [
  [3, 5, '学雷锋纪念日志愿服务集中行动', 'xing'],
  [7, 1, '“七一”主题党日活动', 'qing'],
  [9, 23, '庆丰收·农民丰收节', 'qing'],
  [10, 1, '国庆升旗仪式', 'qing'],
  [12, 5, '国际志愿者日志愿服务展示', 'shu'],
];

/** Titles that only make sense in some months (the tea is picked in spring). */
export const TITLE_MONTHS: Readonly<Record<string, readonly number[]>> = {
  助农采茶志愿服务: [3, 4, 5],
  '科普讲座：茶园病虫害绿色防控': [3, 4, 5, 6, 7, 8, 9],
};

/** Weekly items planned for the months ahead (not yet turned into activities). */
export const PLANNED_AHEAD: ReadonlyArray<readonly [title: string, form: ActivityForm]> = [
  ['院坝理论宣讲', 'jiang'],
  ['关爱空巢老人走访', 'bang'],
  ['人居环境整治', 'xing'],
  ['文体活动展演', 'le'],
  ['道德评议会', 'ping'],
  ['身边好人推荐', 'shu'],
];

export const PLACE_SUFFIXES: readonly string[] = [
  '新时代文明实践站',
  '文化广场',
  '党群服务中心',
  '村民活动室',
];

export const CANCEL_REASONS: readonly string[] = [
  '暴雨预警，活动取消，另行安排',
  '场地临时占用，活动取消',
  '主讲人临时有事，活动延期',
];

export const REJECT_REASONS: readonly string[] = [
  '签到时间与活动记录不符，请核实后重新提交',
  '签到地点与活动地点不一致，请说明情况',
];

export const BACKFILL_NOTE = '手机没电未能扫码签到，现场签到表拍照为证';

const FORM_OUTCOMES: Record<ActivityForm, string> = {
  jiang: '宣讲员用群众听得懂的话讲政策、讲道理，现场解答群众提问',
  ping: '群众代表踊跃发言，评出了身边的善行义举，对不文明现象进行了评议',
  bang: '志愿者分组上门服务，帮助群众解决了一批实际困难',
  le: '群众参与热情高，现场气氛热烈，丰富了群众的精神文化生活',
  qing: '活动展示了传统节日文化，增进了邻里感情，倡导了文明新风',
  shu: '表彰了一批先进典型，用身边事教育身边人',
  xing: '志愿者清理垃圾、劝导不文明行为，改善了村容村貌',
};

/** The archive's summary (活动总结) of a finished activity. */
export function activitySummary(form: ActivityForm, volunteers: number, people: number): string {
  return `本次活动共有 ${volunteers} 名志愿者参加，服务群众约 ${people} 人次。${FORM_OUTCOMES[form]}。签到表、照片等资料已归档。`;
}
