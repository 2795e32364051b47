import type { Permission } from '@civic/contracts';

export interface MenuItem {
  path: string;
  title: string;
  description: string;
}

export interface MenuGroup {
  key: string;
  title: string;
  permission: Permission;
  items: MenuItem[];
}

/** The console's menu; a group is shown only when the user holds its permission. */
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
    key: 'account',
    title: '账号管理',
    permission: 'account.manage',
    items: [{ path: '/users', title: '账号管理', description: '创建账号、重置密码、解锁与停用' }],
  },
  {
    key: 'audit',
    title: '审计日志',
    permission: 'audit.read',
    items: [{ path: '/audit-logs', title: '审计日志', description: '查询操作记录并校验哈希链' }],
  },
];

export function visibleMenu(can: (permission: Permission) => boolean): MenuGroup[] {
  return MENU_GROUPS.filter((group) => can(group.permission));
}
