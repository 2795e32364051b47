import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteRecordRaw,
} from 'vue-router';
import { STAFF_ROLES, type Permission } from '@civic/contracts';
import { useSessionStore } from './stores/session';
import { loginLocationOf, safeRedirectOf } from '../utils/redirect';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Reachable without a session (the login page). */
    public?: boolean;
    permission?: Permission;
  }
}

/** Route params are text; the pages of one record take its id as the number the API uses. */
const numericId = (route: RouteLocationNormalized) => ({ id: Number(route.params.id) });

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/LoginView.vue'),
    meta: { title: '登录', public: true },
  },
  {
    // a resident or volunteer signed in here: their pages are on the mobile face
    path: '/mobile-only',
    name: 'mobile-only',
    component: () => import('./views/MobileOnlyView.vue'),
    meta: { title: '请在手机上使用' },
  },
  {
    // the organiser's check-in screen fills a projector: no menu, no header
    path: '/activities/:id(\\d+)/qr',
    name: 'activity-qr',
    component: () => import('./views/activities/ActivityQrView.vue'),
    props: numericId,
    meta: { title: '签到二维码', permission: 'activity.write' },
  },
  {
    // the sign-in sheet laid out for A4: printed or saved as a PDF from the browser
    path: '/activities/:id(\\d+)/sheet',
    name: 'activity-sheet-print',
    component: () => import('./views/activities/ActivitySheetPrintView.vue'),
    props: numericId,
    meta: { title: '签到表', permission: 'activity.read' },
  },
  {
    // 数据大屏: the command hall's big screen fills the display — no menu, no header
    path: '/screen',
    name: 'screen',
    component: () => import('./views/screen/ScreenView.vue'),
    meta: { title: '数据大屏', permission: 'assessment.read' },
  },
  {
    // the volunteer card at card size, printed for a volunteer without a smartphone
    path: '/volunteers/:id(\\d+)/card',
    name: 'volunteer-card-print',
    component: () => import('./views/volunteers/VolunteerCardPrintView.vue'),
    props: numericId,
    meta: { title: '打印志愿者证', permission: 'volunteer.write' },
  },
  {
    path: '/',
    component: () => import('./layout/AdminLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '工作台' } },
      {
        path: 'orgs',
        name: 'org-tree',
        component: () => import('./views/orgs/OrgTreeView.vue'),
        meta: { title: '组织架构', permission: 'org.read' },
      },
      {
        path: 'orgs/list',
        name: 'org-list',
        component: () => import('./views/orgs/OrgListView.vue'),
        meta: { title: '组织列表', permission: 'org.read' },
      },
      {
        path: 'platforms',
        name: 'platforms',
        component: () => import('./views/orgs/PlatformsView.vue'),
        meta: { title: '五大服务平台', permission: 'org.read' },
      },
      {
        path: 'site-standards',
        name: 'site-standards',
        component: () => import('./views/sites/StandardsView.vue'),
        meta: { title: '标准模板', permission: 'site.read' },
      },
      {
        path: 'site-standards/coverage',
        name: 'site-coverage',
        component: () => import('./views/sites/CoverageView.vue'),
        meta: { title: '达标统计', permission: 'site.read' },
      },
      {
        path: 'inspections',
        name: 'inspections',
        component: () => import('./views/sites/InspectionsView.vue'),
        meta: { title: '阵地检查', permission: 'site.read' },
      },
      {
        path: 'volunteers',
        name: 'volunteers',
        component: () => import('./views/volunteers/VolunteersView.vue'),
        meta: { title: '志愿者', permission: 'volunteer.read' },
      },
      {
        path: 'volunteers/import',
        name: 'volunteer-import',
        component: () => import('./views/volunteers/VolunteerImportView.vue'),
        meta: { title: '批量导入', permission: 'volunteer.import' },
      },
      {
        path: 'teams',
        name: 'teams',
        component: () => import('./views/teams/TeamsView.vue'),
        meta: { title: '志愿服务队', permission: 'team.read' },
      },
      {
        path: 'teams/:id(\\d+)',
        name: 'team-detail',
        component: () => import('./views/teams/TeamDetailView.vue'),
        props: numericId,
        meta: { title: '队伍详情', permission: 'team.read' },
      },
      {
        path: 'projects',
        name: 'projects',
        component: () => import('./views/projects/ProjectsView.vue'),
        meta: { title: '项目库', permission: 'project.read' },
      },
      {
        path: 'projects/:id(\\d+)',
        name: 'project-detail',
        component: () => import('./views/projects/ProjectDetailView.vue'),
        props: numericId,
        meta: { title: '项目详情', permission: 'project.read' },
      },
      {
        path: 'menu-items',
        name: 'menu-items',
        component: () => import('./views/projects/MenuItemsView.vue'),
        meta: { title: '服务清单', permission: 'project.read' },
      },
      {
        path: 'orders',
        name: 'orders',
        component: () => import('./views/orders/OrdersView.vue'),
        meta: { title: '需求工作台', permission: 'order.read' },
      },
      {
        path: 'orders/new',
        name: 'order-create',
        component: () => import('./views/orders/OrderCreateView.vue'),
        meta: { title: '代点单', permission: 'order.place' },
      },
      {
        path: 'orders/:id(\\d+)',
        name: 'order-detail',
        component: () => import('./views/orders/OrderDetailView.vue'),
        props: numericId,
        meta: { title: '需求详情', permission: 'order.read' },
      },
      {
        path: 'plans',
        name: 'plans',
        component: () => import('./views/plans/PlansView.vue'),
        meta: { title: '活动计划', permission: 'activity.read' },
      },
      {
        path: 'activities',
        name: 'activities',
        component: () => import('./views/activities/ActivitiesView.vue'),
        meta: { title: '活动管理', permission: 'activity.read' },
      },
      {
        path: 'activities/:id(\\d+)',
        name: 'activity-detail',
        component: () => import('./views/activities/ActivityDetailView.vue'),
        props: numericId,
        meta: { title: '活动详情', permission: 'activity.read' },
      },
      {
        path: 'activity-archive',
        name: 'activity-archive',
        component: () => import('./views/activities/ActivityArchiveView.vue'),
        meta: { title: '活动档案', permission: 'activity.read' },
      },
      {
        path: 'service-records',
        name: 'service-records',
        component: () => import('./views/hours/ServiceRecordsView.vue'),
        meta: { title: '服务时长', permission: 'hours.review' },
      },
      {
        path: 'certificates',
        name: 'certificates',
        component: () => import('./views/certificates/CertificatesView.vue'),
        meta: { title: '证明管理', permission: 'certificate.issue' },
      },
      {
        path: 'points',
        name: 'points',
        component: () => import('./views/points/PointsView.vue'),
        meta: { title: '积分管理', permission: 'points.read' },
      },
      {
        path: 'store-items',
        name: 'store-items',
        component: () => import('./views/store/StoreItemsView.vue'),
        meta: { title: '兑换物品', permission: 'store.manage' },
      },
      {
        path: 'store-handover',
        name: 'store-handover',
        component: () => import('./views/store/StoreHandoverView.vue'),
        meta: { title: '兑换核销', permission: 'store.handover' },
      },
      {
        path: 'households',
        name: 'households',
        component: () => import('./views/households/HouseholdsView.vue'),
        meta: { title: '群众文明积分', permission: 'household.read' },
      },
      {
        path: 'honours',
        name: 'honours',
        component: () => import('./views/honours/HonoursView.vue'),
        meta: { title: '礼遇褒奖', permission: 'honours.read' },
      },
      {
        path: 'assessment/units',
        name: 'assessment-units',
        component: () => import('./views/assessment/UnitFiguresView.vue'),
        meta: { title: '单位指标', permission: 'assessment.read' },
      },
      {
        path: 'assessment/rankings',
        name: 'assessment-rankings',
        component: () => import('./views/assessment/RankingsView.vue'),
        meta: { title: '实践排行', permission: 'assessment.read' },
      },
      {
        path: 'assessment/report',
        name: 'assessment-report',
        component: () => import('./views/assessment/AssessmentReportView.vue'),
        meta: { title: '考核报表', permission: 'assessment.read' },
      },
      {
        path: 'assessment/bulletins',
        name: 'assessment-bulletins',
        component: () => import('./views/assessment/BulletinsView.vue'),
        meta: { title: '通报', permission: 'assessment.read' },
      },
      {
        path: 'assessment/bulletins/:id(\\d+)',
        name: 'assessment-bulletin',
        component: () => import('./views/assessment/BulletinDetailView.vue'),
        meta: { title: '通报详情', permission: 'assessment.read' },
      },
      {
        path: 'assessment/indicators',
        name: 'assessment-indicators',
        component: () => import('./views/assessment/IndicatorsView.vue'),
        meta: { title: '考核指标', permission: 'assessment.read' },
      },
      {
        path: 'tasks/todo',
        name: 'task-todo',
        component: () => import('./views/tasks/TaskTodoView.vue'),
        meta: { title: '任务待办', permission: 'task.report' },
      },
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('./views/tasks/TasksView.vue'),
        meta: { title: '工作任务', permission: 'task.read' },
      },
      {
        path: 'tasks/assignments/:id(\\d+)',
        name: 'task-assignment',
        component: () => import('./views/tasks/AssignmentView.vue'),
        meta: { title: '单位任务', permission: 'task.read' },
      },
      {
        path: 'tasks/:id(\\d+)',
        name: 'task-detail',
        component: () => import('./views/tasks/TaskDetailView.vue'),
        meta: { title: '任务进度', permission: 'task.read' },
      },
      {
        path: 'publicity',
        name: 'publicity',
        component: () => import('./views/publicity/PublicityView.vue'),
        meta: { title: '宣传稿件', permission: 'publicity.read' },
      },
      {
        path: 'trainings',
        name: 'trainings',
        component: () => import('./views/trainings/TrainingsView.vue'),
        meta: { title: '培训管理', permission: 'training.read' },
      },
      {
        path: 'trainings/:id(\\d+)',
        name: 'training-detail',
        component: () => import('./views/trainings/TrainingDetailView.vue'),
        meta: { title: '培训详情', permission: 'training.read' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('./views/users/UsersView.vue'),
        meta: { title: '账号管理', permission: 'account.manage' },
      },
      {
        path: 'account-activations',
        name: 'account-activations',
        component: () => import('./views/users/AccountActivationsView.vue'),
        meta: { title: '账号激活', permission: 'account.activate' },
      },
      {
        path: 'audit-logs',
        name: 'audit-logs',
        component: () => import('./views/audit/AuditLogsView.vue'),
        meta: { title: '审计日志', permission: 'audit.read' },
      },
      {
        path: 'change-password',
        name: 'change-password',
        component: () => import('./views/account/ChangePasswordView.vue'),
        meta: { title: '修改密码' },
      },
      {
        path: 'security/totp',
        name: 'totp',
        component: () => import('./views/account/TotpView.vue'),
        meta: { title: '两步验证' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('./views/ForbiddenView.vue'),
        meta: { title: '无权访问' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./views/NotFoundView.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
];

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

export const safeRedirect = (value: unknown) =>
  safeRedirectOf(value, { fallback: '/', excluded: ['/login'] });

export const loginLocation = (to: Pick<RouteLocationNormalized, 'fullPath'>) =>
  loginLocationOf(to.fullPath, { path: '/login' });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.loaded) await session.load();

  if (to.meta.public) {
    return session.isAuthenticated && to.name === 'login' ? safeRedirect(to.query.redirect) : true;
  }
  if (!session.isAuthenticated) return loginLocation(to);
  // the console is for staff; residents and volunteers are shown where to go instead
  const staff = STAFF_ROLES.includes(session.me!.role);
  if (!staff) return to.name === 'mobile-only' ? true : { name: 'mobile-only' };
  if (to.name === 'mobile-only') return { name: 'home' };

  // The server refuses everything else until these are done, so send the user there first.
  if (session.needsPasswordChange) return to.name === 'change-password' ? true : { name: 'change-password' };
  if (session.needsTotpSetup && to.name !== 'totp' && to.name !== 'change-password') return { name: 'totp' };

  if (to.meta.permission && !session.can(to.meta.permission)) return { name: 'forbidden' };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 文明实践云平台·管理端` : '文明实践云平台·管理端';
});
