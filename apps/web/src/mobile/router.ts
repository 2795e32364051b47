import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteRecordRaw,
} from 'vue-router';
import { useH5Session } from './stores/session';
import { loginLocationOf, safeRedirectOf } from '../utils/redirect';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Mobile pages that need someone signed in. */
    requiresLogin?: boolean;
    /** A volunteer's own pages: anyone else signed in (a resident, staff) is sent to 我的. */
    volunteerOnly?: boolean;
    /** A resident's own pages (their household's): anyone else is sent to 我的. */
    residentOnly?: boolean;
    /** An organiser's pages (staff who may check people in): anyone else is sent to 我的. */
    organiserOnly?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '首页' } },
  {
    path: '/register',
    name: 'register',
    component: () => import('./views/RegisterView.vue'),
    meta: { title: '志愿者注册' },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/LoginView.vue'),
    meta: { title: '登录' },
  },
  {
    path: '/privacy',
    name: 'privacy',
    component: () => import('./views/PrivacyView.vue'),
    meta: { title: '个人信息保护告知书' },
  },
  {
    path: '/me',
    name: 'me',
    component: () => import('./views/MeView.vue'),
    meta: { title: '我的', requiresLogin: true },
  },
  {
    path: '/me/edit',
    name: 'me-edit',
    component: () => import('./views/MeEditView.vue'),
    meta: { title: '修改资料', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('./views/PasswordView.vue'),
    meta: { title: '修改密码', requiresLogin: true },
  },
  {
    path: '/teams',
    name: 'teams',
    component: () => import('./views/TeamsView.vue'),
    meta: { title: '我的队伍', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/teams/:teamId/applications',
    name: 'team-applications',
    component: () => import('./views/TeamApplicationsView.vue'),
    meta: { title: '入队申请审核', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/services',
    name: 'services',
    component: () => import('./views/ServicesView.vue'),
    meta: { title: '服务点单' },
  },
  {
    path: '/order/new',
    name: 'order-new',
    component: () => import('./views/OrderNewView.vue'),
    meta: { title: '我要点单' },
  },
  {
    path: '/track/:token',
    name: 'track',
    component: () => import('./views/TrackView.vue'),
    meta: { title: '点单进度' },
  },
  {
    // one of the orders linked to a resident's account (我的), followed like a tracking link
    path: '/me/orders/:id(\\d+)',
    name: 'my-order',
    component: () => import('./views/TrackView.vue'),
    meta: { title: '点单进度', requiresLogin: true },
  },
  {
    path: '/my-orders',
    name: 'my-orders',
    component: () => import('./views/MyOrdersView.vue'),
    meta: { title: '我的点单' },
  },
  {
    path: '/tasks',
    name: 'tasks',
    component: () => import('./views/TasksView.vue'),
    meta: { title: '派给我的', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/messages',
    name: 'messages',
    component: () => import('./views/MessagesView.vue'),
    meta: { title: '我的消息', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/activities',
    name: 'activities',
    component: () => import('./views/ActivitiesView.vue'),
    meta: { title: '身边的活动' },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('./views/ActivityDetailView.vue'),
    meta: { title: '活动详情' },
  },
  {
    path: '/my-activities',
    name: 'my-activities',
    component: () => import('./views/MyActivitiesView.vue'),
    meta: { title: '我的活动', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/my-hours',
    name: 'my-hours',
    component: () => import('./views/MyHoursView.vue'),
    meta: { title: '我的服务时长', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/my-certificates',
    name: 'my-certificates',
    component: () => import('./views/MyCertificatesView.vue'),
    meta: { title: '志愿服务记录证明', requiresLogin: true, volunteerOnly: true },
  },
  {
    // what a certificate's QR code opens: anyone, no account
    path: '/verify/:serial',
    name: 'verify',
    component: () => import('./views/VerifyView.vue'),
    meta: { title: '证明核验' },
  },
  {
    path: '/board/:orgId(\\d+)',
    name: 'household-board',
    component: () => import('./views/HouseholdBoardView.vue'),
    meta: { title: '文明积分榜' },
  },
  {
    path: '/self-log',
    name: 'self-log',
    component: () => import('./views/SelfLogView.vue'),
    meta: { title: '随时记', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/card',
    name: 'volunteer-card',
    component: () => import('./views/VolunteerCardView.vue'),
    meta: { title: '志愿者电子证', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/my-points',
    name: 'my-points',
    component: () => import('./views/MyPointsView.vue'),
    meta: { title: '我的积分', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/store',
    name: 'store',
    component: () => import('./views/StoreView.vue'),
    meta: { title: '爱心超市', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/my-redemptions',
    name: 'my-redemptions',
    component: () => import('./views/MyRedemptionsView.vue'),
    meta: { title: '我的兑换', requiresLogin: true, volunteerOnly: true },
  },
  {
    // the same two pages for a resident's household (户积分兑换)
    path: '/household/store',
    name: 'household-store',
    component: () => import('./views/StoreView.vue'),
    props: { holder: 'household' },
    meta: { title: '爱心超市', requiresLogin: true, residentOnly: true },
  },
  {
    path: '/household/redemptions',
    name: 'household-redemptions',
    component: () => import('./views/MyRedemptionsView.vue'),
    props: { holder: 'household' },
    meta: { title: '本户的兑换', requiresLogin: true, residentOnly: true },
  },
  {
    path: '/team-hours',
    name: 'team-hours',
    component: () => import('./views/TeamHoursView.vue'),
    meta: { title: '确认服务时长', requiresLogin: true, volunteerOnly: true },
  },
  {
    path: '/checkin',
    name: 'checkin',
    component: () => import('./views/CheckinView.vue'),
    meta: { title: '扫码签到', requiresLogin: true, volunteerOnly: true },
  },
  {
    // the organiser checks volunteers in by their card, on a phone at the activity
    path: '/organiser/checkin',
    name: 'organiser-checkin',
    component: () => import('./views/OrganiserCheckinView.vue'),
    meta: { title: '扫志愿者证签到', requiresLogin: true, organiserOnly: true },
  },
  {
    path: '/plan',
    name: 'plan',
    component: () => import('./views/PlanView.vue'),
    meta: { title: '活动计划' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./views/NotFoundView.vue'),
    meta: { title: '页面不存在' },
  },
];

export const router = createRouter({
  history: createWebHistory('/h5/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/** Only paths inside the mobile face are accepted as a post-login destination. */
export const safeRedirect = (value: unknown) =>
  safeRedirectOf(value, { fallback: '/me', excluded: ['/login', '/register'] });

export const loginLocation = (to: Pick<RouteLocationNormalized, 'fullPath'>) =>
  loginLocationOf(to.fullPath, { name: 'login' });

router.beforeEach(async (to) => {
  const session = useH5Session();
  if (!session.loaded) await session.load();
  if (to.meta.requiresLogin && !session.isAuthenticated) return loginLocation(to);
  if (to.meta.volunteerOnly && !session.isVolunteer) return { name: 'me' };
  if (to.meta.organiserOnly && !session.isOrganiser) return { name: 'me' };
  if (to.meta.residentOnly && !session.isResident) return { name: 'me' };
  if (to.name === 'login' && session.isAuthenticated) return safeRedirect(to.query.redirect);
  if (to.name === 'register' && session.isVolunteer) return { name: 'me' };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 文明实践云平台` : '文明实践云平台';
});
