// Orders: the residents' order loop (群众点单 → 中心制单 → 所站派单 → 志愿者接单 → 实施 → 评单), its
// state machine, dispatch candidates, stage deadlines and escalation, the Open311 GeoReport v2
// interface, and on H5 a resident's account (我的点单, earlier orders found by phone), the photos of an
// order, and the volunteer's way to reach the resident they serve.
import { defineModule } from '../../platform/module.ts';
import { orderDeadlinesJob } from './deadlines.job.ts';
import { h5OrdersRoutes } from './h5-orders.routes.ts';
import { open311Routes } from './open311.routes.ts';
import { ordersRoutes } from './orders.routes.ts';

export { stageDueAt } from './order-flow.ts';
export { latestOrders, openOrderCounts, type FeedOrder } from './order-feed.ts';

export const ordersModule = defineModule({
  name: 'orders',
  description: '群众点单闭环：点单、制单、派单、接单、实施、评单，时限督办，Open311',
  routes: [ordersRoutes, h5OrdersRoutes, open311Routes],
  jobs: [orderDeadlinesJob],
  permissions: ['order.read', 'order.place', 'order.vet', 'order.dispatch', 'order.evaluate', 'order.own'],
  tables: ['orders', 'order_events', 'order_assignees', 'order_deadline_settings', 'resident_phone_codes'],
});
