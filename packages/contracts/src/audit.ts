// The audit log in words: a Chinese label for every action the server writes, for every kind of
// object an entry points at, and for the keys of an entry's summary — one list used by the server
// (readable summaries in the list it answers) and by the console (the 动作 and 对象 pickers). A unit
// test (apps/server/src/platform/audit/audit-labels.test.ts) reads the server's code and fails when
// an action is written that has no label here.
import { ROLE_LABELS } from './enums.ts';
import { TEAM_MEMBER_ROLE_LABELS } from './volunteers.ts';

/** Every action code the server appends to the audit log, with its label, grouped by object. */
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.change_password': '修改本人密码',
  'auth.enable_totp': '启用两步验证',

  'access.denied': '无权限的操作被拒绝',
  'access.out_of_scope': '访问数据范围外的记录被拒绝',
  'access.csrf_failed': '请求来源校验失败被拒绝',

  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.reset_password': '重置密码',
  'user.unlock': '解除账号锁定',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.reset_totp': '重置两步验证',
  'user.activate': '激活账号',

  'org.create': '新增单位',
  'org.update': '修改单位信息',
  'org.credit_code_override': '强制保存统一社会信用代码',
  'org.move': '迁移单位',
  'org.archive': '归档单位',
  'org.restore': '恢复单位',
  'org.delete': '删除单位',
  'org.export': '导出单位列表',
  'platform.update': '修改服务平台信息',
  'site_standard.create': '新建阵地标准',
  'site_standard.update': '修改阵地标准',
  'inspection.create': '录入阵地检查',
  'upload.create': '上传文件',

  'volunteer.register': '志愿者注册',
  'volunteer.activate': '志愿者开通账号',
  'volunteer.rejoin': '注销的志愿者重新注册',
  'volunteer.create': '登记志愿者',
  'volunteer.update': '修改志愿者信息',
  'volunteer.self_update': '志愿者修改本人信息',
  'volunteer.suspend': '暂停志愿者',
  'volunteer.reactivate': '恢复志愿者',
  'volunteer.withdraw': '志愿者注销',
  'volunteer.reveal': '查看志愿者完整个人信息',
  'volunteer.export': '导出志愿者名单',
  'volunteer.import': '批量导入志愿者',
  'volunteer.rejoin_request': '申请恢复志愿者身份',
  'volunteer.rejoin_confirm': '确认恢复志愿者身份',
  'volunteer.rejoin_reject': '驳回恢复志愿者身份申请',
  'volunteer.card.print': '打印志愿者证',
  'volunteer.card.reissue': '补办志愿者证',
  'volunteer.photo.set': '更换志愿者证照片',

  'team.create': '新建队伍',
  'team.update': '修改队伍信息',
  'team.dissolve': '解散队伍',
  'team.apply': '申请入队',
  'team.leave': '退出队伍',
  'team.member.add': '添加队员',
  'team.member.remove': '移出队员',
  'team.member.role': '变更队内职务',
  'team.member.approve': '同意入队申请',
  'team.member.reject': '驳回入队申请',

  'project.create': '新建项目',
  'project.update': '修改项目',
  'project.status': '变更项目状态',
  'project.copy': '复制项目',
  'menu_item.create': '新增服务清单项目',
  'menu_item.update': '修改服务清单项目',
  'menu_item.publish': '上架服务清单项目',
  'menu_item.withdraw': '下架服务清单项目',

  'order.submit': '点单',
  'order.accept': '受理制单',
  'order.reject': '驳回需求',
  'order.merge': '合并重复需求',
  'order.cancel': '撤销需求',
  'order.dispatch': '派单',
  'order.redispatch': '改派',
  'order.claim': '接单',
  'order.decline': '拒单',
  'order.start': '开始服务',
  'order.finish': '完成服务',
  'order.evaluate': '评单办结',
  'order.rate': '群众评价',
  'order.reopen': '群众要求重新办理',
  'order.photo_add': '群众添加照片',
  'order.link_resident': '点单关联到群众账号',
  'order.contact_reveal': '查看群众联系电话',
  'order.evidence_add': '上传服务照片',
  'order.export': '导出需求',
  'order.deadlines': '设置办理时限',

  'plan.create': '新建年度计划',
  'plan.update': '修改年度计划',
  'plan.publish': '发布年度计划',
  'plan.item.create': '新增计划安排',
  'plan.item.update': '修改计划安排',
  'plan.item.delete': '删除计划安排',
  'plan.item.to_activity': '计划安排转为活动',

  'activity.create': '新建活动',
  'activity.series.create': '新建重复活动',
  'activity.update': '修改活动',
  'activity.publish': '发布活动',
  'activity.start': '开始活动',
  'activity.finish': '结束活动',
  'activity.archive': '活动归档',
  'activity.cancel': '取消活动',
  'activity.archive.update': '修改活动档案',
  'activity.photo.add': '添加活动照片',
  'activity.photo.remove': '删除活动照片',
  'activity.signup.add': '代志愿者报名',
  'activity.signup.remove': '取消志愿者报名',
  'activity.attendance.confirm': '志愿者确认参加',
  'activity.checkin.manual': '代签到/签退',
  'activity.checkin.override': '核准签到/签退',
  'activity.checkin.card': '扫志愿者证签到/签退',
  'activity.checkins.export': '导出签到表',

  'hours.confirm': '确认服务时长',
  'hours.correct': '更正服务时长',
  'hours.reject': '驳回服务时长',
  'hours.backfill': '补录服务时长',
  'hours.manual': '手工录入服务时长',
  'hours.opening': '录入历史时长',
  'hours.opening_import': '导入历史时长',
  'hours.rule.set': '设置时长取整规则',
  'hours.rule.clear': '恢复默认时长取整规则',
  'hours.self_log.create': '志愿者随时记',
  'hours.self_log.withdraw': '志愿者撤回随时记',
  'hours.self_log.photo': '随时记添加照片',

  'certificate.issue': '出具志愿服务记录证明',
  'certificate.revoke': '撤销志愿服务记录证明',

  'points.rule.create': '新增积分规则',
  'points.rule.update': '修改积分规则',
  'points.adjust': '人工调整积分',
  'points.adjust.confirm': '确认积分调整',
  'points.adjust.cancel': '撤回积分调整',

  'store.item.create': '新增兑换物品',
  'store.item.update': '修改兑换物品',
  'store.item.price': '修改兑换物品积分',
  'store.handover': '兑换核销（发放物品）',
  'store.redemption.cancel': '取消兑换',
  'store.redemption.household': '柜台为户兑换',

  'household.create': '登记户',
  'household.update': '修改户的登记',
  'household.reveal': '查看户的联系电话',
  'household.rule.create': '新增村规积分项',
  'household.rule.update': '修改村规积分项',
  'household.settings': '修改积分榜与确认设置',
  'household.award': '给户记文明积分',
  'household.award.confirm': '确认户的积分',
  'household.award.reject': '驳回户的积分',
  'household.award.void': '作废户的积分',

  'honours.export': '导出礼遇褒奖名单',
  'honours.privilege.create': '新增星级志愿者礼遇',
  'honours.privilege.update': '修改星级志愿者礼遇',

  'assessment.indicators.update': '修改考核指标与权重',
  'assessment.bulletin.publish': '发布考核通报',
  'assessment.bulletin.export': '导出考核通报',
  'assessment.allocation.create': '分配奖补资金',
  'task.issue': '下达工作任务',
  'task.cancel': '撤回工作任务',
  'task.report': '上报任务完成情况',
  'task.photo': '任务上报添加照片',
  'task.approve': '通过任务上报并评分',
  'task.return': '退回任务上报',
  'task.extend': '任务延期',
  'assessment.ranking.export': '导出实践排行',
  'publicity.create': '登记宣传稿件',
  'publicity.update': '修改宣传稿件',
  'publicity.delete': '删除宣传稿件',
  'publicity.screenshot.set': '上传宣传稿件截图',
  'publicity.screenshot.remove': '删除宣传稿件截图',
  'publicity.export': '导出宣传稿件',
  'training.create': '新建培训',
  'training.update': '修改培训',
  'training.cancel': '取消培训',
  'training.held': '培训标记为已举办',
  'training.attendees.add': '添加培训参加人员',
  'training.attendees.remove': '移除培训参加人员',
  'training.material.add': '上传培训材料',
  'training.material.remove': '删除培训材料',

  'system.seed': '生成演示数据',
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action);
}

/** The label of an action; an unknown code (an entry older than its label) is shown as it is. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** The kinds of object an entry points at (its resource type). */
export const AUDIT_RESOURCE_LABELS = {
  session: '登录会话',
  route: '接口',
  user: '账号',
  org: '单位',
  platform: '服务平台',
  site_standard: '阵地标准',
  inspection: '阵地检查',
  upload: '文件',
  volunteer: '志愿者',
  volunteer_import: '志愿者导入',
  team: '队伍',
  project: '项目',
  menu_item: '服务清单项目',
  order: '需求',
  activity_plan: '年度计划',
  activity: '活动',
  activity_series: '重复活动',
  service_record: '服务记录',
  certificate: '志愿服务记录证明',
  point_rule: '积分规则',
  point_adjustment: '积分调整',
  honour_privilege: '星级志愿者礼遇',
  store_item: '兑换物品',
  store_redemption: '积分兑换',
  household: '户',
  household_rule: '村规积分项',
  household_setting: '文明积分设置',
  household_award: '户的文明积分',
  assessment_indicator: '考核指标',
  assessment_bulletin: '考核通报',
  assessment_fund_allocation: '奖补资金分配',
  work_task: '工作任务',
  task_assignment: '单位的工作任务',
  publicity_piece: '宣传稿件',
  training: '培训',
  system: '系统',
} as const satisfies Record<string, string>;
export type AuditResourceType = keyof typeof AUDIT_RESOURCE_LABELS;

export function auditResourceLabel(type: string): string {
  return Object.hasOwn(AUDIT_RESOURCE_LABELS, type) ? AUDIT_RESOURCE_LABELS[type as AuditResourceType] : type;
}

/**
 * The actions grouped for a picker: by the object they act on, in the order above. The group of an
 * action is its first segment (auth.login → auth).
 */
export const AUDIT_ACTION_GROUP_LABELS: Record<string, string> = {
  auth: '登录与密码',
  access: '拒绝的访问',
  user: '账号',
  org: '单位',
  platform: '服务平台',
  site_standard: '阵地标准',
  inspection: '阵地检查',
  upload: '文件',
  volunteer: '志愿者',
  team: '队伍',
  project: '项目',
  menu_item: '服务清单',
  order: '群众点单',
  plan: '年度计划',
  activity: '活动',
  hours: '服务时长',
  certificate: '志愿服务记录证明',
  points: '积分',
  store: '爱心超市',
  household: '群众文明积分',
  task: '工作任务',
  publicity: '宣传稿件',
  training: '培训',
  system: '系统',
};

export function auditActionGroups(): { group: string; label: string; actions: AuditAction[] }[] {
  const groups = new Map<string, AuditAction[]>();
  for (const action of AUDIT_ACTIONS) {
    const group = action.slice(0, action.indexOf('.'));
    groups.set(group, [...(groups.get(group) ?? []), action]);
  }
  return [...groups].map(([group, actions]) => ({
    group,
    label: AUDIT_ACTION_GROUP_LABELS[group] ?? group,
    actions,
  }));
}

export const AUDIT_OUTCOME_LABELS = { success: '成功', failure: '失败', denied: '拒绝' } as const;
export type AuditOutcome = keyof typeof AUDIT_OUTCOME_LABELS;

/** Keys of entries' summaries, in words. */
export const AUDIT_SUMMARY_KEY_LABELS: Record<string, string> = {
  householdNo: '户号',
  memberCount: '家庭成员人数',
  boardMode: '积分榜姓名显示',
  confirmThreshold: '须第二人确认的分值',
  fields: '修改内容',
  serial: '证明编号',
  periodFrom: '起始日期',
  periodTo: '截止日期',
  totalHours: '合计时长',
  selfService: '本人自助出具',
  reason: '原因',
  cardVersion: '志愿者证版本',
  startedAt: '开始时间',
  channel: '渠道',
  by: '操作方',
  name: '名称',
  code: '编码',
  title: '标题',
  tier: '层级',
  kind: '类型',
  role: '职务',
  year: '年度',
  month: '月份',
  week: '周次',
  from: '原值',
  price: '所需积分',
  pickupCode: '取货码',
  to: '新值',
  items: '条目数',
  itemId: '计划安排',
  members: '队员人数',
  memberId: '队员记录',
  added: '新增',
  skipped: '跳过',
  volunteerId: '志愿者',
  volunteerIds: '志愿者',
  volunteers: '志愿者人数',
  volunteerNo: '志愿者编号',
  activityId: '活动',
  planItemId: '计划安排',
  intoId: '合并到需求',
  fromId: '复制自',
  areaOrgId: '服务区域',
  minutes: '分钟',
  hours: '小时',
  rating: '评分',
  status: '状态',
  creditCode: '统一社会信用代码',
  fromParentId: '原上级单位',
  toParentId: '新上级单位',
  fromPath: '原位置',
  toPath: '新位置',
  consentVersion: '隐私告知版本',
  minor: '未成年人',
  field: '查看的信息',
  requestId: '申请',
  closedRequests: '一并关闭的申请',
  imported: '导入人数',
  validOnly: '仅导入有效行',
  recordIds: '服务记录',
  records: '记录数',
  firstRecordId: '首条记录',
  evidence: '证明材料数',
  rule: '取整规则',
  stepMinutes: '取整单位（分钟）',
  rounding: '取整方式',
  automatic: '系统自动',
  videoLinks: '视频链接数',
  uploadId: '文件',
  photoId: '照片',
  taskId: '工作任务',
  recipients: '接收单位数',
  deadline: '截止时间',
  maxScore: '满分',
  reportId: '上报记录',
  level: '媒体级别',
  outlet: '媒体名称',
  publishedOn: '发表日期',
  toOrgId: '改为单位',
  screenshotId: '截图',
  photos: '照片张数',
  links: '链接数',
  late: '逾期后上报',
  promoted: '递补的志愿者',
  direction: '签到/签退',
  overridden: '核准的问题',
  rows: '行数',
  frequency: '重复频率',
  occurrences: '场次',
  told: '已通知人数',
  suppressedSinceLast: '此前一分钟内同类拒绝次数',
  pendingActivation: '待第二人激活',
  fileName: '文件名',
  mimeType: '文件类型',
  byteSize: '大小（字节）',
  sha256: '文件摘要',
  orderNo: '需求编号',
  linkedToAccount: '关联群众账号',
  phoneVerified: '凭手机验证码',
  count: '数量',
  score: '得分',
  passed: '达标',
  orgId: '单位',
  standardId: '标准',
  volunteersNeeded: '所需人数',
  stationId: '实践站',
  teamId: '队伍',
  url: '请求地址',
  permission: '所需权限',
  displayName: '姓名',
  username: '账号',
  requestedBy: '申请人',
  requestedAt: '申请时间',
  // the demo county's seed
  orgs: '单位数',
  teams: '队伍数',
  projects: '项目数',
  menuItems: '服务清单项目数',
  orders: '需求数',
  plans: '计划数',
  planItems: '计划安排数',
  activities: '活动数',
  signups: '报名数',
  checkins: '签到数',
  serviceRecords: '服务记录数',
  certificates: '志愿服务记录证明数',
  openingRecords: '历史时长记录数',
  openingHours: '历史时长（小时）',
};

/** Field names listed under 修改内容 (`fields`), in words. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  displayName: '姓名',
  phone: '电话',
  role: '角色',
  orgId: '所属单位',
  teamId: '队伍',
  status: '状态',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  headName: '负责人',
  headTitle: '负责人职务',
  deputyName: '副负责人',
  contactName: '联系人',
  contactPhone: '联系电话',
  foundedOn: '成立日期',
  openingHours: '开放时间',
  creditCode: '统一社会信用代码',
  residentPopulation: '常住人口',
  leadUnit: '牵头单位',
  description: '简介',
  code: '编码',
  appliesTo: '适用类型',
  passScore: '达标分数',
  items: '检查项',
  title: '标题',
  tier: '层级',
  kind: '类型',
  platform: '服务平台',
  responsibleUnit: '责任单位',
  serviceCategories: '服务类别',
  acceptingApplications: '接受入队申请',
  yearlyServiceTarget: '年度服务目标',
  parentId: '上级',
  year: '年度',
  yearlyTarget: '年度目标',
  targetGroups: '服务对象',
  responsibleTeamId: '责任队伍',
  serviceCategory: '服务类别',
  skills: '专长',
  typicalMinutes: '通常用时',
  volunteersNeeded: '所需人数',
  areaOrgId: '服务区域',
  quarterThemes: '季度主题',
  month: '月份',
  week: '周次',
  plannedOn: '计划日期',
  festival: '节日',
  form: '形式',
  place: '地点',
  audience: '对象',
  capacity: '名额',
  startsAt: '开始时间',
  endsAt: '结束时间',
  signupOpensAt: '报名开始',
  signupClosesAt: '报名截止',
  geofenceM: '签到范围',
  projectId: '项目',
  summary: '总结',
  videoLinks: '视频链接',
  gender: '性别',
  birthDate: '出生日期',
  politicalStatus: '政治面貌',
  availability: '可服务时间',
  skillsNote: '专长说明',
  guardian: '监护人',
  idNumber: '身份证号',
  privacyConsent: '隐私授权',
};

/** Reason codes that appear in summaries (failed logins, refusals), in words. */
export const AUDIT_REASON_LABELS: Record<string, string> = {
  wrong_password: '密码错误',
  unknown_user: '账号不存在',
  locked: '账号已锁定',
  disabled: '账号已停用',
  pending_activation: '账号待激活',
  wrong_totp: '两步验证码错误',
  audit_admin_protected: '审计管理员账号须由他人处理',
  // why a privileged account waited for activation
  create: '新建账号',
  reset_password: '重置密码',
  role_change: '变更角色或单位',
};

const ROLE_VALUE_LABELS: Record<string, string> = { ...ROLE_LABELS, ...TEAM_MEMBER_ROLE_LABELS };

/** "2026-12-07T01:29:00.000Z" → "2026-12-07 09:29" (China time, UTC+8, no daylight saving). */
function chinaTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Permissions named in refusals (所需权限), in words; an unknown one is shown as it is. */
export const AUDIT_PERMISSION_LABELS: Record<string, string> = {
  'org.read': '查看组织',
  'org.write': '管理组织',
  'org.export': '导出组织',
  'site.read': '查看阵地',
  'site.write': '管理阵地',
  'volunteer.read': '查看志愿者',
  'volunteer.write': '管理志愿者',
  'volunteer.export': '导出志愿者',
  'volunteer.import': '导入志愿者',
  'volunteer.unmask': '查看完整个人信息',
  'volunteer.self': '志愿者本人',
  'team.read': '查看队伍',
  'team.write': '管理队伍',
  'project.read': '查看项目',
  'project.write': '管理项目',
  'order.read': '查看需求',
  'order.place': '代点单',
  'order.vet': '制单',
  'order.dispatch': '派单',
  'order.evaluate': '评单',
  'order.own': '群众本人的点单',
  'activity.read': '查看活动',
  'activity.write': '管理活动',
  'plan.write': '管理年度计划',
  'hours.review': '审核服务时长',
  'hours.write': '录入服务时长',
  'certificate.issue': '出具志愿服务记录证明',
  'points.read': '查看积分',
  'points.write': '调整积分',
  'points.rules': '管理积分规则',
  'honours.read': '查看礼遇褒奖',
  'household.read': '查看户与文明积分',
  'household.manage': '管理户籍登记与村规积分项',
  'household.award': '给户记文明积分',
  'household.own': '本户的文明积分',
  'honours.manage': '管理星级志愿者礼遇',
  'assessment.read': '查看单位指标',
  'assessment.publish': '发布考核通报',
  'assessment.manage': '设置考核指标与分配奖补资金',
  'task.read': '查看工作任务',
  'task.issue': '下达与审核工作任务',
  'task.report': '上报工作任务',
  'publicity.read': '查看宣传稿件',
  'publicity.write': '登记宣传稿件',
  'training.read': '查看培训',
  'training.write': '管理培训（新建、签到名单、材料、标记举办）',
  'store.manage': '管理爱心超市物品',
  'store.handover': '兑换核销',
  'account.manage': '管理账号',
  'account.activate': '激活账号',
  'audit.read': '查看审计日志',
};

/** Names the server resolved for ids in a summary (never personal data: volunteers by number). */
export interface AuditSummaryNames {
  volunteers?: Record<string, string>;
  orgs?: Record<string, string>;
}

const LIST_LIMIT = 5;

function formatValue(key: string, value: unknown, names: AuditSummaryNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    const shown = value.slice(0, LIST_LIMIT).map((v) => formatValue(key, v, names));
    return value.length > LIST_LIMIT ? `${shown.join('、')} 等 ${value.length} 项` : shown.join('、');
  }
  if (typeof value === 'object') {
    return `（${describeAuditSummary(value as Record<string, unknown>, names)}）`;
  }
  const text = String(value);
  if (key === 'fields') return AUDIT_FIELD_LABELS[text] ?? text;
  if (key === 'reason') return AUDIT_REASON_LABELS[text] ?? text;
  if (key === 'role') return ROLE_VALUE_LABELS[text] ?? text;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return chinaTime(text);
  // refusals record the permissions they wanted as "a|b"
  if (key === 'permission')
    return text
      .split('|')
      .map((p) => AUDIT_PERMISSION_LABELS[p] ?? p)
      .join(' 或 ');
  if (key === 'volunteerId' || key === 'volunteerIds' || key === 'promoted')
    return names.volunteers?.[text] ?? `#${text}`;
  if (key === 'areaOrgId' || key === 'fromParentId' || key === 'toParentId' || key === 'orgId')
    return names.orgs?.[text] ?? `#${text}`;
  if (key.endsWith('Id') || key.endsWith('Ids') || key === 'recordIds') return `#${text}`;
  return text;
}

/**
 * A summary in words: "修改内容：名称、电话；原因：密码错误". Ids the server resolved show as
 * names; keys without a label show as they are, so nothing recorded is hidden.
 */
export function describeAuditSummary(
  summary: Record<string, unknown> | null | undefined,
  names: AuditSummaryNames = {},
): string {
  if (!summary) return '';
  return Object.entries(summary)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${AUDIT_SUMMARY_KEY_LABELS[key] ?? key}：${formatValue(key, value, names)}`)
    .join('；');
}
