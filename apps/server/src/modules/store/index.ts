// Store (爱心超市 / 积分兑换): the items an org offers for points (goods or services such as 优先服务,
// with stock, per-person limits, an availability window and a photo), redemptions on H5 with a
// pick-up code, the store keeper's hand-over, cancelling and the expiry job that give points and
// stock back. It owns store_items and store_redemptions; points move only through modules/points.
import { defineModule } from '../../platform/module.ts';
import { storeExpiryJob } from './store.jobs.ts';
import { storeRoutes } from './store.routes.ts';

export { createStoreService, type StoreService } from './store.service.ts';
export { storeLedger } from './points-ledger.ts';
export { storeExpiryJob } from './store.jobs.ts';

export const storeModule = defineModule({
  name: 'store',
  description: '爱心超市：兑换物品、积分兑换、取货码核销、取消与逾期退回',
  routes: [storeRoutes],
  jobs: [storeExpiryJob],
  permissions: ['store.manage', 'store.handover'],
  tables: ['store_items', 'store_redemptions'],
});
