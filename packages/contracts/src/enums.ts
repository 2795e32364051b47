// Shared enumerations with their Chinese labels. Codes follow ../../shared/GLOSSARY.md.

export const ORG_KINDS = ['center', 'institute', 'station', 'point', 'post', 'base'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  center: '新时代文明实践中心',
  institute: '新时代文明实践所',
  station: '新时代文明实践站',
  point: '新时代文明实践点',
  post: '新时代文明实践驿站',
  base: '新时代文明实践基地',
};
export const ORG_KIND_SHORT_LABELS: Record<OrgKind, string> = {
  center: '中心',
  institute: '所',
  station: '站',
  point: '点',
  post: '驿站',
  base: '基地',
};
/** Which kinds may be placed under which parent kind. */
export const ORG_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  center: ['institute', 'station', 'post', 'base'],
  institute: ['station', 'point', 'post', 'base'],
  station: ['point', 'post'],
  point: [],
  post: [],
  base: [],
};

export const ORG_STATUSES = ['active', 'archived'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const PLATFORMS = ['theory', 'education_sports', 'culture_arts', 'science', 'health'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, string> = {
  theory: '理论宣讲平台',
  education_sports: '教育体育平台',
  culture_arts: '文化文艺平台',
  science: '科技与科普平台',
  health: '卫生健康平台',
};

export const ROLES = [
  'center_admin',
  'institute_admin',
  'station_admin',
  'team_leader',
  'volunteer',
  'resident',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  center_admin: '中心管理员',
  institute_admin: '实践所管理员',
  station_admin: '实践站管理员',
  team_leader: '志愿服务队队长',
  volunteer: '志愿者',
  resident: '群众',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};
/** Staff roles use the admin console; they must use two-factor login when REQUIRE_2FA is on. */
export const STAFF_ROLES: readonly Role[] = [
  'center_admin',
  'institute_admin',
  'station_admin',
  'team_leader',
  'security_admin',
  'audit_admin',
];
/**
 * Roles whose data scope is the team their account leads (users.team_id) and its sub-teams, not
 * their org's subtree; the account sits at that team's org (a county professional team's leader at
 * the centre, a village 中队's at its station), so no kind list below applies to them.
 */
export const TEAM_BOUND_ROLES: readonly Role[] = ['team_leader'];
/** The org kind each administrative role is bound to (三权分立 roles are bound to the centre). */
export const ROLE_ORG_KINDS: Partial<Record<Role, readonly OrgKind[]>> = {
  center_admin: ['center'],
  institute_admin: ['institute'],
  station_admin: ['station', 'point', 'post', 'base'],
  security_admin: ['center'],
  audit_admin: ['center'],
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'org.export',
  'site.read',
  'site.write',
  'volunteer.read',
  'volunteer.write',
  'volunteer.export',
  'volunteer.import',
  /** Reveal one volunteer's full ID number or phone (audited). */
  'volunteer.unmask',
  'team.read',
  'team.write',
  /** The volunteer's own profile, teams and applications on H5. */
  'volunteer.self',
  'project.read',
  /** Projects and the service menu items of the caller's org. */
  'project.write',
  'order.read',
  /** 代点单: place an order on a resident's behalf. */
  'order.place',
  /** 制单: vet submitted needs (accept, reject, merge). */
  'order.vet',
  /** 派单: dispatch to a station, a team or volunteers. */
  'order.dispatch',
  /** 评单: the staff evaluation that closes an order. */
  'order.evaluate',
  /** A resident's own orders on H5 (我的点单): placed signed in, or found later by phone with a code. */
  'order.own',
  'activity.read',
  /** Activities, sign-ups on a volunteer's behalf, check-in codes and manual check-in. */
  'activity.write',
  /** The org's yearly activity plans (年度计划): the unit's, not a team's. */
  'plan.write',
  /** Confirm, correct or reject service records. */
  'hours.review',
  /** Enter backfilled (补录) and manual service records, with evidence. */
  'hours.write',
  /**
   * 志愿服务记录证明: issue a certificate of a volunteer's confirmed service in the caller's subtree,
   * list the org's certificates and revoke one (the issuing org and those above it).
   */
  'certificate.issue',
  /** Holders' balances and ledgers (积分明细) in the caller's scope. */
  'points.read',
  /** Manual adjustments of points with a reason; above the threshold a second person confirms. */
  'points.write',
  /** The 积分管理办法: the centre's rules, and local rules within the centre's bounds. */
  'points.rules',
  /** The store's items (爱心超市): prices, stock, limits, shelf. */
  'store.manage',
  /** The store keeper: look up pick-up codes, hand over and cancel redemptions. */
  'store.handover',
  /** Households (户) of the village register, their ledgers and awards (群众文明积分). */
  'household.read',
  /** The register (add, edit, reveal a phone), the village rule list and the board's display. */
  'household.manage',
  /** Award points to a household from a rule, confirm or reject another's award, void an award. */
  'household.award',
  /** A resident account linked to a household: its points on H5. */
  'household.own',
  /** Honours (礼遇褒奖): the yearly rankings and their export for 评先评优 and 党员积分. */
  'honours.read',
  /** The privileges an org grants to star volunteers (星级志愿者礼遇). */
  'honours.manage',
  /** 单位指标: the figures (activities, hours, orders, ratings) of the caller's units over a period. */
  'assessment.read',
  /** Publish a bulletin (月通报/季调度/年总结) of the caller's subtree as an immutable snapshot. */
  'assessment.publish',
  /** The centre's: the indicators, their targets and weights, and the reward funds (奖补资金). */
  'assessment.manage',
  /** 调度任务: the tasks issued by the caller's org and below, and those sent to its units, with progress. */
  'task.read',
  /** Issue a task to units of the caller's subtree, review reports (approve with a score, return), extend, withdraw. */
  'task.issue',
  /** Report on a task sent to the caller's own unit (text, photos, links). */
  'task.report',
  /** 宣传稿件: the pieces media published, recorded by the caller's units, and the yearly summary. */
  'publicity.read',
  /** Record, edit and delete pieces (with their screenshots) of the caller's org or a unit below it. */
  'publicity.write',
  /** 培训: the training sessions of the caller's subtree, their attendance, materials and yearly counts. */
  'training.read',
  /** Plan, edit, cancel and mark held a training; take its attendance and attach its materials. */
  'training.write',
  'account.manage',
  /**
   * Activate a privileged account the security admin created, reset or promoted: the second
   * person of 三权分立 (an audit admin or a centre admin), so no one alone can sign in as one.
   */
  'account.activate',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const BUSINESS_ADMIN: readonly Permission[] = [
  'org.read',
  'org.write',
  'org.export',
  'site.read',
  'site.write',
  'volunteer.read',
  'volunteer.write',
  'volunteer.export',
  'volunteer.import',
  'team.read',
  'team.write',
  'project.read',
  'project.write',
  'order.read',
  'order.place',
  'order.dispatch',
  'order.evaluate',
  'activity.read',
  'activity.write',
  'plan.write',
  'hours.review',
  'hours.write',
  'certificate.issue',
  'points.read',
  'points.write',
  'points.rules',
  'store.manage',
  'store.handover',
  'honours.read',
  'honours.manage',
  'household.read',
  'household.manage',
  'household.award',
  'assessment.read',
  'task.read',
  'task.report',
  'publicity.read',
  'publicity.write',
  'training.read',
  'training.write',
];
/**
 * 三权分立: the security admin manages accounts only, the audit admin reads the audit log only,
 * and neither does business work; business admins cannot manage accounts or read the audit log.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // revealing full ID numbers and phones is kept to the centre and institutes
  // 中心制单: vetting residents' needs is the centre's and the institutes' job (seed 004 §8)
  // 月通报、季调度、年总结 (seed 000 §四(三)): the centre sets the indicators and allocates the reward
  // funds; the centre and the institutes publish bulletins of their subtrees
  // 调度: the centre and the institutes issue work tasks to the units below them (seed 004 §8)
  center_admin: [
    ...BUSINESS_ADMIN,
    'volunteer.unmask',
    'order.vet',
    'account.activate',
    'task.issue',
    'assessment.publish',
    'assessment.manage',
  ],
  institute_admin: [...BUSINESS_ADMIN, 'volunteer.unmask', 'order.vet', 'task.issue', 'assessment.publish'],
  station_admin: BUSINESS_ADMIN,
  // only over the team the account leads and its sub-teams (TEAM_BOUND_ROLES)
  team_leader: ['org.read', 'volunteer.read', 'team.read', 'activity.read', 'activity.write', 'hours.review'],
  volunteer: ['volunteer.self'],
  resident: ['order.own', 'household.own'],
  security_admin: ['account.manage'],
  audit_admin: ['audit.read', 'account.activate'],
};

/**
 * Privileged accounts: what the security admin creates, resets or promotes to one of these roles
 * stays 'pending' until an audit admin or a centre admin activates it.
 */
export const PRIVILEGED_ROLES: readonly Role[] = [
  'center_admin',
  'institute_admin',
  'security_admin',
  'audit_admin',
];

/** 'pending': a privileged account waiting for its activation by a second person. */
export const USER_STATUSES = ['active', 'disabled', 'pending'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: '正常',
  disabled: '已停用',
  pending: '待激活',
};
