// Honours (礼遇褒奖): the yearly lists of an org's volunteers by hours and by points under the
// sample rules of a real 评选, star-level badges, the Excel export for 评先评优 and 党员积分
// reference, and the privileges an org grants to star volunteers (shown on H5 我的积分 and on the volunteer card). Its figures
// come from hours, points and volunteers through their index.ts; it owns honour_privileges. When
// confirmed hours first reach a star level's hours it records the milestone (时长里程碑) and tells the
// volunteer, in the confirming transaction; it owns hour_milestones.
import { defineModule } from '../../platform/module.ts';
import { honoursRoutes } from './honours.routes.ts';
import { honoursEventHandlers } from './milestones.ts';

export { createHonoursService } from './honours.service.ts';
export { backfillMilestones, milestoneMessage } from './milestones.ts';

export const honoursModule = defineModule({
  name: 'honours',
  description:
    '礼遇褒奖：年度时长榜与积分榜、星级、评先评优与党员积分参考导出、星级志愿者礼遇、时长里程碑（确认时长时自动授予并通知）',
  routes: [honoursRoutes],
  events: honoursEventHandlers,
  permissions: ['honours.read', 'honours.manage'],
  tables: ['honour_privileges', 'hour_milestones'],
});
