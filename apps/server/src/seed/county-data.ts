/**
 * The demo county: 西乡县 (汉中市, 陕西省), shaped like seed 004 — one 新时代文明实践中心, 17 镇（街道）
 * 实践所, 215 村（社区）实践站, a few unit stations in 卫生院/学校, and 实践点, 驿站 and 基地.
 *
 * The towns and streets are the real ones; villages, coordinates, people and phone numbers are
 * realistic-sounding inventions. Every generated value comes from a PRNG seeded by the org's code,
 * so the output is identical on every call and adding an entry does not reshuffle the others.
 */

export interface SeedOrg {
  code: string;
  name: string;
  shortName: string;
  kind: 'center' | 'institute' | 'station' | 'point' | 'post' | 'base';
  parentCode: string | null;
  residentPopulation: number | null;
  address: string;
  latitude: number;
  longitude: number;
  headName: string;
  headTitle: string;
  deputyName: string | null;
  contactName: string;
  contactPhone: string;
  foundedOn: string;
  openingHours: string;
}

export const COUNTY: {
  name: '西乡县';
  centerName: '西乡县新时代文明实践中心';
  province: '陕西省';
  city: '汉中市';
} = Object.freeze({
  name: '西乡县',
  centerName: '西乡县新时代文明实践中心',
  province: '陕西省',
  city: '汉中市',
});

const ADDRESS_PREFIX = '陕西省汉中市西乡县';
const CENTER_CODE = 'XX';
const SEAT = { latitude: 32.98, longitude: 107.77 };

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** Small, fast 32-bit PRNG (public domain, Tommy Ettinger); returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units: turns an org code into a PRNG seed. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function rngFor(key: string): () => number {
  return mulberry32(hashString(key));
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

function intBetween(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

// ---------------------------------------------------------------------------------------------
// People and phones
// ---------------------------------------------------------------------------------------------

/** Ordered roughly by frequency in southern Shaanxi; personName() favours the front of the list. */
// prettier-ignore
export const PERSON_SURNAMES: string[] = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '何',
  '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '董', '程', '曹', '袁', '邓', '许',
  '彭', '曾', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '余', '潘', '杜', '戴',
  '夏', '钟', '汪', '田', '任', '姜', '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆',
  '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '江', '史', '顾', '侯', '邵', '孟', '龙', '万',
  '段', '雷', '钱', '汤', '尹', '易', '常', '武', '乔', '贺', '文', '庞', '向', '敬', '蒲', '骆',
  '樊', '付', '严', '牛',
];

// prettier-ignore
export const PERSON_GIVEN_NAMES: string[] = [
  // two characters
  '建国', '建华', '建军', '国强', '国华', '志强', '志刚', '志明', '海涛', '海军', '海波', '文斌',
  '文华', '文军', '明亮', '明辉', '永强', '永刚', '永红', '卫东', '卫国', '德明', '德华', '光明',
  '春生', '春林', '俊杰', '晓东', '晓峰', '晓明', '宏伟', '宏亮', '金龙', '长林', '长青', '家兴',
  '家俊', '兴旺', '振华', '振兴', '忠义', '浩然', '宇航', '博文', '鹏飞', '雪松', '立新', '立军',
  '学军', '学文', '世杰', '世明', '正阳', '万里', '有才', '玉龙', '茂林', '成刚', '安平', '新民',
  '秀英', '秀兰', '秀珍', '桂英', '桂兰', '玉兰', '玉梅', '凤英', '丽华', '丽娟', '丽萍', '红梅',
  '艳红', '艳芳', '春梅', '春燕', '小燕', '晓燕', '晓琴', '雪梅', '海燕', '美玲', '淑芬', '淑华',
  '翠兰', '翠萍', '金凤', '巧云', '彩霞', '婷婷', '静怡', '欣怡', '思琪', '梦瑶', '佳慧', '雨欣',
  '诗涵', '文静', '慧敏', '一诺', '月琴', '素芳', '亚琴', '兰芳',
  // one character
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
  '超', '霞', '平', '刚', '斌', '鑫', '琳', '健', '峰', '华', '亮', '红', '蓉', '倩',
];

export function personName(rng: () => number): string {
  // A power curve over the frequency-ordered list: 王/李/张 often, 骆/蒲 now and then.
  const surname = PERSON_SURNAMES[Math.floor(rng() ** 1.8 * PERSON_SURNAMES.length)] ?? '王';
  return surname + pick(rng, PERSON_GIVEN_NAMES);
}

// prettier-ignore
const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178',
  '182', '183', '184', '187', '188', '198', '130', '131', '132', '155', '156', '166', '175', '176',
  '185', '186', '133', '149', '153', '173', '177', '180', '181', '189', '199',
];

/** A mainland mobile number (1[3-9] + 9 digits) on a real carrier prefix. */
export function mobilePhone(rng: () => number): string {
  let number = pick(rng, MOBILE_PREFIXES);
  for (let i = 0; i < 8; i += 1) number += String(Math.floor(rng() * 10));
  return number;
}

// ---------------------------------------------------------------------------------------------
// 五大服务平台 (seed 004 §4)
// ---------------------------------------------------------------------------------------------

type PlatformLead = {
  platform: 'theory' | 'education_sports' | 'culture_arts' | 'science' | 'health';
  leadUnit: string;
  contactName: string;
  contactPhone: string;
  description: string;
};

const PLATFORM_LEAD_UNITS: Array<Omit<PlatformLead, 'contactName' | 'contactPhone'>> = [
  {
    platform: 'theory',
    leadUnit: '中共西乡县委宣传部',
    description:
      '理论宣讲平台：统筹县级理论宣讲志愿服务队和“茶乡微讲堂”宣讲员，深化“五知五行·知行合一”宣讲，推动党的创新理论“飞入寻常百姓家”。',
  },
  {
    platform: 'education_sports',
    leadUnit: '西乡县教育体育局',
    description:
      '教育体育平台：组织教师、教练员志愿者开展家庭教育指导、课后服务和全民健身进村（社区）活动，指导学校建设新时代文明实践站。',
  },
  {
    platform: 'culture_arts',
    leadUnit: '西乡县文化和旅游广电局',
    description:
      '文化文艺平台：整合文化馆、图书馆和文艺志愿者，开展送戏下乡、群众文艺展演和“我们的节日”主题活动，丰富活跃群众文化生活。',
  },
  {
    platform: 'science',
    leadUnit: '西乡县科学技术协会',
    description:
      '科技与科普平台：组织茶叶、畜牧、植保等农技专家和科普志愿者开展技术培训与科普宣传，服务茶产业发展和乡村振兴。',
  },
  {
    platform: 'health',
    leadUnit: '西乡县卫生健康局',
    description:
      '卫生健康平台：组织医务志愿者开展义诊巡诊、健康知识宣讲和家庭医生签约服务，指导镇卫生院建设新时代文明实践站。',
  },
];

export const PLATFORM_LEADS: PlatformLead[] = PLATFORM_LEAD_UNITS.map((lead) => {
  const rng = rngFor(`platform:${lead.platform}`);
  return { ...lead, contactName: personName(rng), contactPhone: mobilePhone(rng) };
});

// ---------------------------------------------------------------------------------------------
// Towns, streets and their villages / communities
// ---------------------------------------------------------------------------------------------

interface TownSpec {
  name: string;
  isStreet: boolean;
  latitude: number;
  longitude: number;
  /** how far from the town seat its villages lie, in km */
  spreadKm: number;
  /** 常住人口 range of one village */
  villagePopulation: readonly [number, number];
  /** villages (…村) and communities (…社区), in the town's usual listing order */
  stations: readonly string[];
}

const COMMUNITY_POPULATION: readonly [number, number] = [3000, 5200];

// prettier-ignore
const TOWNS: readonly TownSpec[] = [
  {
    name: '城北街道',
    isStreet: true,
    latitude: 32.993,
    longitude: 107.766,
    spreadKm: 1.8,
    villagePopulation: COMMUNITY_POPULATION,
    stations: [
      '东风社区', '莲花社区', '北关社区', '东关社区', '新华社区', '丰宁社区', '永安社区', '文笔社区',
      '滨河社区', '北环社区', '和平社区', '金湖社区', '樱桃社区',
    ],
  },
  {
    name: '城南街道',
    isStreet: true,
    latitude: 32.9715,
    longitude: 107.7725,
    spreadKm: 1.8,
    villagePopulation: COMMUNITY_POPULATION,
    stations: [
      '南关社区', '西关社区', '古城社区', '五里坝社区', '南环社区', '泾洋社区', '龙泉社区', '双桥社区',
      '茶城社区', '沙坪社区', '新民社区', '育才社区',
    ],
  },
  {
    name: '杨河镇',
    isStreet: false,
    latitude: 33.005,
    longitude: 107.685,
    spreadKm: 4.5,
    villagePopulation: [1100, 2700],
    stations: [
      '杨河社区', '高土坝村', '罗镇村', '枣园村', '瓦石村', '樊家营村', '何家湾村', '陈家庙村',
      '土门村', '青龙寺村', '梨园村', '上坝村', '牛家营村', '大柏树村', '丁家沟村', '白果树村',
    ],
  },
  {
    name: '柳树镇',
    isStreet: false,
    latitude: 33.015,
    longitude: 107.615,
    spreadKm: 4.5,
    villagePopulation: [1000, 2500],
    stations: [
      '柳树社区', '七里村', '窑湾村', '金坪村', '石板河村', '双庙村', '马家湾村', '曾家坝村',
      '王家营村', '桐树坪村', '庙坝村', '田坝村', '余家沟村', '黄家营村', '龙王沟村',
    ],
  },
  {
    name: '沙河镇',
    isStreet: false,
    latitude: 33.095,
    longitude: 107.705,
    spreadKm: 5,
    villagePopulation: [950, 2300],
    stations: [
      '沙河社区', '东沟村', '西沟村', '红花村', '草坝村', '陈家营村', '九股树村', '乔家湾村',
      '杉树坪村', '二郎坝村', '新庄村', '回龙湾村', '桃园村', '油坊湾村', '安家坝村', '红岩村',
    ],
  },
  {
    name: '私渡镇',
    isStreet: false,
    latitude: 32.935,
    longitude: 107.655,
    spreadKm: 4.5,
    villagePopulation: [1000, 2500],
    stations: [
      '私渡社区', '双河村', '渡口村', '柏杨村', '罗家坝村', '付家营村', '官庄村', '沙塘村',
      '五星村', '姚家湾村', '金泉村', '莲池村', '小河口村', '孙家营村',
    ],
  },
  {
    name: '桑园镇',
    isStreet: false,
    latitude: 33.04,
    longitude: 107.85,
    spreadKm: 4.5,
    villagePopulation: [1000, 2400],
    stations: [
      '桑园社区', '钟家营村', '堰坝村', '花园村', '五里村', '潘家湾村', '雷家营村', '石门村',
      '清凉寺村', '兴隆村', '蒿坪村', '柳林村', '李家坝村', '枫树垭村',
    ],
  },
  {
    name: '白龙塘镇',
    isStreet: false,
    latitude: 33.06,
    longitude: 107.79,
    spreadKm: 4.5,
    villagePopulation: [950, 2100],
    stations: [
      '白龙塘村', '黄池村', '龙池村', '楼房村', '高家营村', '马踪滩村', '上营村', '丰收村',
      '宋家湾村', '黑龙潭村', '长岭村', '鸭儿湾村', '杨家坝村', '朱家垭村', '茶园坝村',
    ],
  },
  {
    name: '峡口镇',
    isStreet: false,
    latitude: 32.885,
    longitude: 107.73,
    spreadKm: 5,
    villagePopulation: [900, 2000],
    stations: [
      '峡口社区', '枣林村', '桥沟村', '南沟村', '三郎铺村', '田家湾村', '万家坪村', '高桥村',
      '贾家坝村', '梅子村', '竹园村', '二里坝村', '岩门村',
    ],
  },
  {
    name: '堰口镇',
    isStreet: false,
    latitude: 32.95,
    longitude: 107.87,
    spreadKm: 4.5,
    villagePopulation: [1000, 2500],
    stations: [
      '堰口社区', '午子村', '五丰村', '官田村', '青岗村', '水田村', '向家营村', '彭家沟村',
      '观音寺村', '刘家营村', '凤凰村', '邓家河村', '碾子沟村', '骆驼岭村', '大坪村',
    ],
  },
  {
    name: '茶镇',
    isStreet: false,
    latitude: 32.905,
    longitude: 107.96,
    spreadKm: 5.5,
    villagePopulation: [850, 1800],
    stations: [
      '茶镇村', '东河村', '李家河村', '陈家坝村', '鹿龄村', '石梯村', '团结村', '金星村',
      '许家湾村', '五郎村', '云亭村', '茶坪村',
    ],
  },
  {
    name: '高川镇',
    isStreet: false,
    latitude: 32.83,
    longitude: 107.92,
    spreadKm: 6,
    villagePopulation: [800, 1600],
    stations: [
      '高川村', '凉水村', '石庙村', '柏树垭村', '曹家坝村', '天池村', '核桃坪村', '龙洞村',
      '新坪村', '万春村', '铁炉沟村',
    ],
  },
  {
    name: '两河口镇',
    isStreet: false,
    latitude: 32.98,
    longitude: 108.04,
    spreadKm: 6,
    villagePopulation: [820, 1500],
    stations: [
      '两河口村', '双喜村', '冷水河村', '鹰嘴岩村', '罗家河村', '马鞍山村', '黄家坪村', '松树村',
      '金竹园村', '红庙村',
    ],
  },
  {
    name: '大河镇',
    isStreet: false,
    latitude: 32.715,
    longitude: 107.76,
    spreadKm: 6,
    villagePopulation: [820, 1600],
    stations: [
      '大河村', '狮子坝村', '盘龙村', '柳家坝村', '白岩村', '田湾村', '沙溪村', '黄家沟村',
      '平安村', '洞子沟村',
    ],
  },
  {
    name: '骆家坝镇',
    isStreet: false,
    latitude: 32.785,
    longitude: 107.63,
    spreadKm: 6,
    villagePopulation: [900, 1400],
    stations: ['骆家坝社区', '核桃坝村', '杜家坝村', '麻柳坝村', '牧马村', '陈家沟村', '三官庙村', '茅坪村'],
  },
  {
    name: '子午镇',
    isStreet: false,
    latitude: 33.13,
    longitude: 107.92,
    spreadKm: 6,
    villagePopulation: [850, 1700],
    stations: [
      '子午村', '白庙村', '尖山村', '廖家营村', '朱家湾村', '火石坝村', '水磨湾村', '余家垭村',
      '长沟村', '古道村',
    ],
  },
  {
    name: '白勉峡镇',
    isStreet: false,
    latitude: 32.725,
    longitude: 107.95,
    spreadKm: 6,
    villagePopulation: [800, 1500],
    stations: [
      '白勉峡村', '钟家沟村', '开花山村', '瓦房村', '双坪村', '回水湾村', '石板溪村', '寨子坪村',
      '青树村', '大坝村', '岭背村',
    ],
  },
];

/** Stations in 卫生院/学校 built under the 教体局 and 卫健局 (seed 004 §5); numbered from 901. */
const UNIT_STATIONS: ReadonlyArray<{ town: string; shortName: string; headTitle: string; hours: string }> = [
  {
    town: '杨河镇',
    shortName: '杨河镇中心卫生院',
    headTitle: '院长',
    hours: '周一至周日 8:00-12:00 14:30-17:30；每月10日健康义诊日',
  },
  {
    town: '私渡镇',
    shortName: '私渡镇卫生院',
    headTitle: '院长',
    hours: '周一至周日 8:00-12:00 14:30-17:30；每季度首周家庭医生入户日',
  },
  {
    town: '堰口镇',
    shortName: '堰口镇中心学校',
    headTitle: '校长',
    hours: '工作日 16:30-18:00 课后服务时段开放；寒暑假按活动安排开放',
  },
];

type PointKind = '院坝' | '屋场' | '微讲堂' | '小区' | '门前三小';

/** [town, station, place, kind] — 茶乡微讲堂 sits in a fixed household's courtyard (seed 004 §6). */
// prettier-ignore
const POINTS: ReadonlyArray<readonly [string, string, string, PointKind]> = [
  ['城北街道', '东风社区', '滨河花园', '小区'],
  ['城北街道', '莲花社区', '莲湖苑', '小区'],
  ['城北街道', '北关社区', '北关巷', '门前三小'],
  ['城南街道', '南关社区', '茶城雅居', '小区'],
  ['城南街道', '五里坝社区', '金域华庭', '小区'],
  ['城南街道', '古城社区', '古城巷', '门前三小'],
  ['杨河镇', '高土坝村', '二组', '院坝'],
  ['杨河镇', '高土坝村', '张家院子', '微讲堂'],
  ['杨河镇', '罗镇村', '茶园', '屋场'],
  ['杨河镇', '枣园村', '三组', '院坝'],
  ['杨河镇', '杨河社区', '锦绣家园', '小区'],
  ['柳树镇', '七里村', '四组', '院坝'],
  ['柳树镇', '窑湾村', '老院子', '屋场'],
  ['柳树镇', '柳树社区', '柳河苑', '小区'],
  ['沙河镇', '东沟村', '一组', '院坝'],
  ['沙河镇', '红花村', '竹林湾', '屋场'],
  ['沙河镇', '乔家湾村', '乔家大院', '微讲堂'],
  ['私渡镇', '双河村', '五组', '院坝'],
  ['私渡镇', '柏杨村', '何家院子', '微讲堂'],
  ['桑园镇', '钟家营村', '二组', '院坝'],
  ['桑园镇', '花园村', '枇杷湾', '屋场'],
  ['白龙塘镇', '黄池村', '三组', '院坝'],
  ['白龙塘镇', '龙池村', '茶山', '屋场'],
  ['白龙塘镇', '白龙塘村', '罗家院子', '微讲堂'],
  ['峡口镇', '枣林村', '一组', '院坝'],
  ['峡口镇', '三郎铺村', '铺子湾', '屋场'],
  ['堰口镇', '午子村', '二组', '院坝'],
  ['堰口镇', '五丰村', '王家院子', '微讲堂'],
  ['堰口镇', '观音寺村', '柿子湾', '屋场'],
  ['堰口镇', '堰口社区', '午子新苑', '小区'],
  ['茶镇', '茶镇村', '四组', '院坝'],
  ['茶镇', '鹿龄村', '茶园坪', '屋场'],
  ['茶镇', '金星村', '周家院子', '微讲堂'],
  ['高川镇', '凉水村', '二组', '院坝'],
  ['两河口镇', '冷水河村', '梁家院子', '微讲堂'],
  ['大河镇', '狮子坝村', '三组', '院坝'],
  ['骆家坝镇', '核桃坝村', '二组', '院坝'],
  ['子午镇', '古道村', '驿道湾', '屋场'],
  ['白勉峡镇', '开花山村', '一组', '院坝'],
  ['白勉峡镇', '钟家沟村', '向家院子', '微讲堂'],
];

const POINT_STYLE: Record<PointKind, { suffix: string; headTitle: string; hours: string }> = {
  院坝: { suffix: '院坝', headTitle: '村民小组长', hours: '每月中旬活动日开放；晴天院坝讲、雨天堂屋讲' },
  屋场: { suffix: '屋场', headTitle: '屋场负责人', hours: '每月中旬活动日开放；农忙时节改在晚间' },
  微讲堂: { suffix: '茶乡微讲堂', headTitle: '微讲堂户主', hours: '每月中旬开讲；闲时白天讲、忙时晚上讲' },
  小区: { suffix: '小区', headTitle: '小区党支部书记', hours: '每日 8:00-21:00；每周六上午小区志愿服务日' },
  门前三小: { suffix: '门前三小', headTitle: '网格员', hours: '全天开放；每周三下午志愿者值守' },
};

/** 驿站: shared public-service spaces; parent is the institute, or a station when `station` is set. */
// prettier-ignore
const POSTS: ReadonlyArray<{ town: string; station?: string; place: string; headTitle: string; hours: string }> = [
  { town: '城北街道', place: '新华书店', headTitle: '门店经理', hours: '每日 9:00-21:00' },
  { town: '城北街道', station: '东风社区', place: '滨河公园', headTitle: '驿站负责人', hours: '每日 7:00-20:00' },
  { town: '城南街道', place: '汽车客运站', headTitle: '站务主任', hours: '每日 6:30-19:30' },
  { town: '城南街道', station: '南关社区', place: '邮政网点', headTitle: '网点负责人', hours: '周一至周六 8:30-17:30' },
  { town: '杨河镇', place: '便民服务中心', headTitle: '中心主任', hours: '周一至周五 8:30-12:00 14:30-18:00' },
  { town: '沙河镇', place: '邮政所', headTitle: '所长', hours: '周一至周六 8:30-17:30' },
  { town: '私渡镇', place: '供销社', headTitle: '经理', hours: '每日 8:00-19:00；逢集日 7:00 开门' },
  { town: '桑园镇', station: '桑园社区', place: '电商服务中心', headTitle: '负责人', hours: '每日 8:30-18:30' },
  { town: '白龙塘镇', station: '黄池村', place: '农家书屋', headTitle: '管理员', hours: '周二至周日 9:00-17:00' },
  { town: '峡口镇', place: '综合文化站', headTitle: '站长', hours: '周一至周五 8:30-17:30；周末活动日开放' },
  { town: '堰口镇', place: '午子山游客中心', headTitle: '中心主任', hours: '每日 8:00-18:00' },
  { town: '茶镇', place: '茶叶交易市场', headTitle: '市场负责人', hours: '每日 6:30-17:00；采茶季延长至 20:00' },
];

/** 基地: units' practice bases; `under` null means directly under the centre. */
const BASES: ReadonlyArray<{
  name: string;
  shortName: string;
  under: string | null;
  locatedIn: string;
  place: string;
  headTitle: string;
  hours: string;
}> = [
  {
    name: '西乡县茶叶科技示范基地',
    shortName: '茶叶科技示范基地',
    under: null,
    locatedIn: '白龙塘镇',
    place: '茶叶科技示范园',
    headTitle: '县茶叶技术推广站站长',
    hours: '周一至周五 8:30-17:30；采茶季（3月至5月）周末开放',
  },
  {
    name: '西乡县革命烈士陵园文明实践基地',
    shortName: '革命烈士陵园',
    under: null,
    locatedIn: '城南街道',
    place: '革命烈士陵园',
    headTitle: '陵园管理所所长',
    hours: '周二至周日 9:00-17:00（周一闭园）',
  },
  {
    name: '西乡县图书馆文明实践基地',
    shortName: '县图书馆',
    under: null,
    locatedIn: '城北街道',
    place: '西乡县图书馆',
    headTitle: '馆长',
    hours: '周二至周日 9:00-12:00 14:00-18:00',
  },
  {
    name: '西乡县第一中学文明实践基地',
    shortName: '西乡一中',
    under: '城北街道',
    locatedIn: '城北街道',
    place: '西乡县第一中学',
    headTitle: '校长',
    hours: '工作日预约开放；寒暑假按活动安排开放',
  },
  {
    name: '樱桃沟景区文明实践基地',
    shortName: '樱桃沟景区',
    under: '城北街道',
    locatedIn: '城北街道',
    place: '樱桃沟景区',
    headTitle: '景区管理处主任',
    hours: '每日 8:30-18:00',
  },
  {
    name: '西乡县人民医院健康教育文明实践基地',
    shortName: '县人民医院',
    under: '城南街道',
    locatedIn: '城南街道',
    place: '西乡县人民医院',
    headTitle: '院长',
    hours: '周一至周五 8:00-12:00 14:30-17:30；每月10日义诊日',
  },
  {
    name: '西乡县职业教育中心文明实践基地',
    shortName: '县职教中心',
    under: '城南街道',
    locatedIn: '城南街道',
    place: '西乡县职业教育中心',
    headTitle: '校长',
    hours: '工作日预约开放',
  },
  {
    name: '午子山景区文明实践基地',
    shortName: '午子山景区',
    under: '堰口镇',
    locatedIn: '堰口镇',
    place: '午子山景区',
    headTitle: '景区管理处主任',
    hours: '每日 8:00-18:00',
  },
];

const INSTITUTE_HOURS = [
  '周一至周五 8:30-12:00 14:30-18:00；周末活动日开放',
  '周一至周五 8:30-12:00 14:00-17:30；逢集日全天开放',
];
const STATION_HOURS = [
  '周一至周五 8:30-12:00 14:30-18:00；周末活动日开放',
  '周一至周五 8:30-12:00 14:30-17:30；逢集日全天开放',
  '周一至周日 9:00-11:30 14:30-17:30',
  '周一至周五 8:30-12:00 14:30-18:00；每月15日“茶乡微讲堂”活动日',
];
const COMMUNITY_HOURS = [
  '周一至周日 8:30-12:00 14:30-18:00',
  '周一至周五 8:30-12:00 14:30-18:00；周六上午志愿服务日',
  '周一至周五 8:00-12:00 14:30-18:00；晚间 19:30-21:00 活动室开放',
];

// ---------------------------------------------------------------------------------------------
// Building the tree
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/**
 * A founding date at least `minDays` after the parent's and no later than `latest`, spread evenly
 * over that window (when the window is shorter than `minDays`, anywhere inside it). The windows
 * follow seed 004: institutes first, all 村（社区）stations by mid-2022, points and posts after.
 */
function foundedAfter(rng: () => number, parentFoundedOn: string, minDays: number, latest: string): string {
  const from = Date.parse(`${parentFoundedOn}T00:00:00Z`);
  const span = Math.max(0, Math.round((Date.parse(`${latest}T00:00:00Z`) - from) / DAY_MS));
  const days =
    span > minDays ? minDays + Math.floor(rng() * (span - minDays + 1)) : Math.floor(rng() * (span + 1));
  return new Date(from + days * DAY_MS).toISOString().slice(0, 10);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A point between minKm and maxKm from the origin, uniform over the ring's area. */
function nearby(
  rng: () => number,
  origin: { latitude: number; longitude: number },
  minKm: number,
  maxKm: number,
): { latitude: number; longitude: number } {
  const angle = rng() * 2 * Math.PI;
  const distance = Math.sqrt(minKm ** 2 + rng() * (maxKm ** 2 - minKm ** 2));
  const kmPerDegree = 111.32;
  return {
    latitude: round6(origin.latitude + (distance * Math.cos(angle)) / kmPerDegree),
    longitude: round6(
      origin.longitude +
        (distance * Math.sin(angle)) / (kmPerDegree * Math.cos((origin.latitude * Math.PI) / 180)),
    ),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * The whole demo network, parents before children: centre, 17 institutes, 215 village/community
 * stations, 3 unit stations, then points, posts and bases.
 */
export function buildCountyOrgs(): SeedOrg[] {
  const usedPhones = new Set<string>();
  const uniquePhone = (rng: () => number): string => {
    let phone = mobilePhone(rng);
    while (usedPhones.has(phone)) phone = mobilePhone(rng);
    usedPhones.add(phone);
    return phone;
  };
  /** The fields every org draws the same way, in a fixed order from its own PRNG. */
  const people = (rng: () => number, deputyChance: number) => ({
    headName: personName(rng),
    deputyName: rng() < deputyChance ? personName(rng) : null,
    contactName: personName(rng),
    contactPhone: uniquePhone(rng),
  });

  const centerRng = rngFor(CENTER_CODE);
  const center: SeedOrg = {
    code: CENTER_CODE,
    name: COUNTY.centerName,
    shortName: COUNTY.name,
    kind: 'center',
    parentCode: null,
    residentPopulation: null, // the sum of the institutes, filled in below
    address: `${ADDRESS_PREFIX}城北街道县新时代文明实践中心`,
    latitude: round6(SEAT.latitude + 0.0068),
    longitude: round6(SEAT.longitude - 0.0021),
    headTitle: '县委书记',
    ...people(centerRng, 1),
    foundedOn: '2019-05-20',
    openingHours: '周一至周五 8:30-12:00 14:30-18:00；周末及节假日活动日开放',
  };

  const institutes: SeedOrg[] = [];
  const stations: SeedOrg[] = [];
  const instituteByTown = new Map<string, SeedOrg>();
  const stationByName = new Map<string, SeedOrg>(); // key `${town}/${station}`

  TOWNS.forEach((town, townIndex) => {
    const code = `${CENTER_CODE}-${pad(townIndex + 1, 2)}`;
    const rng = rngFor(code);
    const institute: SeedOrg = {
      code,
      name: `${town.name}新时代文明实践所`,
      shortName: town.name,
      kind: 'institute',
      parentCode: CENTER_CODE,
      residentPopulation: 0,
      address: `${ADDRESS_PREFIX}${town.name}${town.isStreet ? '办事处' : '人民政府'}`,
      latitude: round6(town.latitude),
      longitude: round6(town.longitude),
      headTitle: town.isStreet ? '街道党工委书记' : '镇党委书记',
      ...people(rng, 1),
      foundedOn: foundedAfter(rng, center.foundedOn, 20, '2020-06-30'),
      openingHours: pick(rng, INSTITUTE_HOURS),
    };
    institutes.push(institute);
    instituteByTown.set(town.name, institute);

    town.stations.forEach((stationName, stationIndex) => {
      const stationCode = `${code}-${pad(stationIndex + 1, 3)}`;
      const stationRng = rngFor(stationCode);
      const isCommunity = stationName.endsWith('社区');
      const [minPopulation, maxPopulation] = isCommunity ? COMMUNITY_POPULATION : town.villagePopulation;
      // A town's own community is its seat, so it sits next to the town government.
      const isSeat = isCommunity && !town.isStreet;
      const station: SeedOrg = {
        code: stationCode,
        name: `${stationName}新时代文明实践站`,
        shortName: stationName,
        kind: 'station',
        parentCode: code,
        residentPopulation: intBetween(stationRng, minPopulation, maxPopulation),
        address: `${ADDRESS_PREFIX}${town.name}${stationName}${isCommunity ? '党群服务中心' : '村委会'}`,
        ...(isSeat
          ? nearby(stationRng, town, 0.1, 0.6)
          : nearby(stationRng, town, town.isStreet ? 0.2 : 0.8, town.spreadKm)),
        headTitle: isCommunity
          ? pick(stationRng, ['社区党委书记', '社区党支部书记、居委会主任'])
          : pick(stationRng, ['村党支部书记、村委会主任', '村党支部书记、村委会主任', '村党支部书记']),
        ...people(stationRng, 0.85),
        foundedOn: foundedAfter(stationRng, institute.foundedOn, 30, '2022-06-30'),
        openingHours: pick(stationRng, isCommunity ? COMMUNITY_HOURS : STATION_HOURS),
      };
      stations.push(station);
      stationByName.set(`${town.name}/${stationName}`, station);
      institute.residentPopulation = (institute.residentPopulation ?? 0) + (station.residentPopulation ?? 0);
    });
  });

  center.residentPopulation = institutes.reduce((sum, org) => sum + (org.residentPopulation ?? 0), 0);

  const instituteOf = (town: string): SeedOrg => {
    const institute = instituteByTown.get(town);
    if (!institute) throw new Error(`county-data: unknown town ${town}`);
    return institute;
  };
  const stationOf = (town: string, name: string): SeedOrg => {
    const station = stationByName.get(`${town}/${name}`);
    if (!station) throw new Error(`county-data: unknown station ${town}/${name}`);
    return station;
  };

  const unitStations = UNIT_STATIONS.map((unit, index): SeedOrg => {
    const institute = instituteOf(unit.town);
    const code = `${institute.code}-${901 + index}`;
    const rng = rngFor(code);
    return {
      code,
      name: `${unit.shortName}新时代文明实践站`,
      shortName: unit.shortName,
      kind: 'station',
      parentCode: institute.code,
      residentPopulation: null,
      address: `${ADDRESS_PREFIX}${unit.shortName}`,
      ...nearby(rng, institute, 0.2, 0.8),
      headTitle: unit.headTitle,
      ...people(rng, 1),
      foundedOn: foundedAfter(rng, institute.foundedOn, 180, '2022-06-30'),
      openingHours: unit.hours,
    };
  });

  const pointCount = new Map<string, number>();
  const points = POINTS.map(([town, stationName, place, pointKind]): SeedOrg => {
    const station = stationOf(town, stationName);
    const index = (pointCount.get(station.code) ?? 0) + 1;
    pointCount.set(station.code, index);
    const code = `${station.code}-P${index}`;
    const rng = rngFor(code);
    const style = POINT_STYLE[pointKind];
    // 院坝 points are named after the 村民小组 ("高土坝村二组院坝"); the others after their own place.
    const shortName = pointKind === '院坝' ? `${stationName}${place}院坝` : `${place}${style.suffix}`;
    return {
      code,
      name: `${shortName}实践点`,
      shortName,
      kind: 'point',
      parentCode: station.code,
      residentPopulation: null,
      address: `${ADDRESS_PREFIX}${town}${stationName}${place}${pointKind === '小区' ? '小区' : ''}`,
      ...nearby(rng, station, 0.15, 0.9),
      headTitle: style.headTitle,
      ...people(rng, 0),
      foundedOn: foundedAfter(rng, station.foundedOn, 60, '2022-11-30'),
      openingHours: style.hours,
    };
  });

  const postCount = new Map<string, number>();
  const posts = POSTS.map((post): SeedOrg => {
    const parent = post.station ? stationOf(post.town, post.station) : instituteOf(post.town);
    const index = (postCount.get(parent.code) ?? 0) + 1;
    postCount.set(parent.code, index);
    const code = `${parent.code}-Y${index}`;
    const rng = rngFor(code);
    const shortName = `${parent.shortName}${post.place}驿站`;
    return {
      code,
      name: `${parent.shortName}${post.place}文明实践驿站`,
      shortName,
      kind: 'post',
      parentCode: parent.code,
      residentPopulation: null,
      address: `${ADDRESS_PREFIX}${post.town}${post.station ?? ''}${post.place}`,
      ...nearby(rng, parent, 0.1, 0.7),
      headTitle: post.headTitle,
      ...people(rng, 0),
      foundedOn: foundedAfter(rng, parent.foundedOn, 90, '2022-11-30'),
      openingHours: post.hours,
    };
  });

  const baseCount = new Map<string, number>();
  const bases = BASES.map((base): SeedOrg => {
    const parent = base.under ? instituteOf(base.under) : center;
    const index = (baseCount.get(parent.code) ?? 0) + 1;
    baseCount.set(parent.code, index);
    const code = `${parent.code}-B${index}`;
    const rng = rngFor(code);
    return {
      code,
      name: base.name,
      shortName: base.shortName,
      kind: 'base',
      parentCode: parent.code,
      residentPopulation: null,
      address: `${ADDRESS_PREFIX}${base.locatedIn}${base.place}`,
      ...nearby(rng, instituteOf(base.locatedIn), 0.3, 2.5),
      headTitle: base.headTitle,
      ...people(rng, 0.5),
      foundedOn: foundedAfter(rng, parent.foundedOn, 120, '2022-11-30'),
      openingHours: base.hours,
    };
  });

  return [center, ...institutes, ...stations, ...unitStations, ...points, ...posts, ...bases];
}
