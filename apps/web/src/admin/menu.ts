import type { Permission } from '@civic/contracts';

export interface MenuItem {
  path: string;
  title: string;
  description: string;
  /** Shown only with this permission too (on top of the group's). */
  permission?: Permission;
}

export interface MenuGroup {
  key: string;
  title: string;
  permission: Permission;
  items: MenuItem[];
}

/**
 * The console's menu; a group is shown only when the user holds its permission, an item only when
 * the user also holds the item's own permission (if it has one).
 */
export const MENU_GROUPS: readonly MenuGroup[] = [
  {
    key: 'org',
    title: '组织网络',
    permission: 'org.read',
    items: [
      { path: '/orgs', title: '组织架构', description: '中心、所、站、点的树状结构与单位信息' },
      { path: '/orgs/list', title: '组织列表', description: '按条件检索单位并导出 Excel' },
      { path: '/platforms', title: '五大服务平台', description: '理论宣讲、教育体育等平台的牵头单位' },
    ],
  },
  {
    key: 'site',
    title: '阵地标准',
    permission: 'site.read',
    items: [
      { path: '/site-standards', title: '标准模板', description: '“五有”“八有”等阵地建设标准' },
      { path: '/inspections', title: '阵地检查', description: '逐项检查并上传照片' },
      { path: '/site-standards/coverage', title: '达标统计', description: '各单位阵地达标情况' },
    ],
  },
  {
    key: 'volunteer',
    title: '志愿者与队伍',
    permission: 'volunteer.read',
    items: [
      { path: '/volunteers', title: '志愿者', description: '实名志愿者信息、星级与服务时长' },
      {
        path: '/volunteers/import',
        title: '批量导入',
        description: '按模板导入志愿者名单并查看校验报告',
        permission: 'volunteer.import',
      },
      {
        path: '/teams',
        title: '志愿服务队',
        description: '队伍体系、成员与入队审核',
        permission: 'team.read',
      },
    ],
  },
  {
    key: 'project',
    title: '项目与服务清单',
    permission: 'project.read',
    items: [
      { path: '/projects', title: '项目库', description: '年度志愿服务项目的确立、招募、实施、评估与优化' },
      { path: '/menu-items', title: '服务清单', description: '群众可点的服务项目：发布、编辑、上架与下架' },
    ],
  },
  {
    key: 'order',
    title: '群众点单',
    permission: 'order.read',
    items: [
      { path: '/orders', title: '需求工作台', description: '群众需求的制单、派单、评单与超时督办' },
      {
        path: '/orders/new',
        title: '代点单',
        description: '群众来电或上门走访时代为提交需求',
        permission: 'order.place',
      },
    ],
  },
  {
    key: 'activity',
    title: '文明实践活动',
    permission: 'activity.read',
    items: [
      { path: '/plans', title: '活动计划', description: '年有计划、季有主题、月有重点、周有安排' },
      { path: '/activities', title: '活动管理', description: '发布活动、报名、扫码签到与签退' },
      {
        path: '/activity-archive',
        title: '活动档案',
        description: '按月查看每场活动的计划、签到表、照片和总结',
      },
      {
        path: '/service-records',
        title: '服务时长',
        description: '确认、更正签到时长，补录与手工录入',
        permission: 'hours.review',
      },
      {
        path: '/certificates',
        title: '证明管理',
        description: '志愿服务记录证明的出具、下载与撤销',
        permission: 'certificate.issue',
      },
    ],
  },
  {
    key: 'points',
    title: '积分',
    permission: 'points.read',
    items: [
      {
        path: '/points',
        title: '积分管理',
        description: '积分规则、积分明细与人工调整',
      },
      {
        path: '/households',
        title: '群众文明积分',
        description: '户籍登记、村规积分项、记分与第二人确认、村文明积分榜',
        permission: 'household.read',
      },
      {
        path: '/honours',
        title: '礼遇褒奖',
        description: '年度时长榜与积分榜、评先评优与党员积分参考导出、星级志愿者礼遇',
        permission: 'honours.read',
      },
    ],
  },
  {
    key: 'assessment',
    title: '考核评估',
    permission: 'assessment.read',
    items: [
      {
        path: '/assessment/units',
        title: '单位指标',
        description: '各下级单位按月、季、年的活动、服务时长、点单办结与评价',
      },
      {
        path: '/screen',
        title: '数据大屏',
        description: '指挥调度中心大屏：总量、趋势、排行、实时点单、平台与阵地分布，每 30 秒刷新',
      },
      {
        path: '/assessment/rankings',
        title: '实践排行',
        description: '志愿者、队伍、实践站所按时长、活动、点单、评价、积分排行，导出 Excel',
      },
      {
        path: '/assessment/report',
        title: '考核报表',
        description: '各实践所、实践站对照目标的完成情况、得分、排名与建设推进不力预警',
      },
      {
        path: '/assessment/bulletins',
        title: '通报',
        description: '月通报、季调度、年总结（发布后不可更改），导出 Excel/PDF，分配奖补资金',
      },
      {
        path: '/assessment/indicators',
        title: '考核指标',
        description: '各类单位的考核指标、年度目标与权重',
      },
    ],
  },
  {
    key: 'tasks',
    title: '调度任务',
    permission: 'task.read',
    items: [
      {
        path: '/tasks/todo',
        title: '任务待办',
        description: '上级下达给本单位的任务：上报完成情况（说明、照片、链接）',
        permission: 'task.report',
      },
      {
        path: '/tasks',
        title: '工作任务',
        description: '向下级单位下达任务，查看各单位进度，审核评分、退回与延期',
      },
    ],
  },
  {
    key: 'publicity',
    title: '宣传报道',
    permission: 'publicity.read',
    items: [
      {
        path: '/publicity',
        title: '宣传稿件',
        description: '各级媒体宣传报道稿件的登记（截图、链接），按年度对照省、市、县级定额统计',
      },
    ],
  },
  {
    key: 'trainings',
    title: '培训管理',
    permission: 'training.read',
    items: [
      {
        path: '/trainings',
        title: '培训管理',
        description: '所站工作人员、骨干、新志愿者和微讲堂负责人的集中培训：签到名单、材料与年度统计',
      },
    ],
  },
  {
    key: 'store',
    title: '爱心超市',
    permission: 'store.handover',
    items: [
      {
        path: '/store-handover',
        title: '兑换核销',
        description: '凭取货码发放兑换的物品，查看和取消兑换记录',
      },
      {
        path: '/store-items',
        title: '兑换物品',
        description: '积分兑换的物品和服务：积分、库存、限兑、上下架',
        permission: 'store.manage',
      },
    ],
  },
  {
    key: 'account',
    title: '账号管理',
    permission: 'account.manage',
    items: [{ path: '/users', title: '账号管理', description: '创建账号、重置密码、解锁与停用' }],
  },
  {
    // 三权分立 per person: what the security admin creates or resets for a privileged role waits here
    key: 'account-activation',
    title: '账号激活',
    permission: 'account.activate',
    items: [
      {
        path: '/account-activations',
        title: '待激活账号',
        description: '激活安全管理员新建、重置或提升的管理类账号',
      },
    ],
  },
  {
    key: 'audit',
    title: '审计日志',
    permission: 'audit.read',
    items: [{ path: '/audit-logs', title: '审计日志', description: '查询操作记录并校验哈希链' }],
  },
];

export function visibleMenu(can: (permission: Permission) => boolean): MenuGroup[] {
  return MENU_GROUPS.filter((group) => can(group.permission))
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => !item.permission || can(item.permission)),
    }))
    .filter((group) => group.items.length > 0);
}
