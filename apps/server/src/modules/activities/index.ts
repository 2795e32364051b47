// Activities: yearly plans, activities and series, sign-ups with a waitlist, rotating-QR and
// geofenced check-in, the reminder/start/close jobs, the archive and the public activity list.
import { defineModule } from '../../platform/module.ts';
import { activityJobs } from './activities.jobs.ts';
import { activitiesRoutes } from './activities.routes.ts';
import { checkinRoutes } from './checkin.routes.ts';
import { plansRoutes } from './plans.routes.ts';

export { activityDistribution, type ActivityDistribution } from './activity-distribution.ts';

export const activitiesModule = defineModule({
  name: 'activities',
  description: '活动计划、活动与重复活动、报名与候补、签到签退、活动档案',
  routes: [activitiesRoutes, plansRoutes, checkinRoutes],
  jobs: activityJobs,
  permissions: ['activity.read', 'activity.write', 'plan.write'],
  tables: [
    'activity_plans',
    'plan_items',
    'activity_series',
    'activities',
    'activity_photos',
    'activity_signups',
    'activity_checkins',
  ],
});
