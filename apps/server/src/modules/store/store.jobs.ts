// Unclaimed redemptions expire (each item says after how many days) and give their points and stock
// back: a few hundred per tick, every minute.
import type { Job } from '../../platform/jobs/scheduler.ts';
import { storeLedger } from './points-ledger.ts';
import { createStoreService } from './store.service.ts';

export const storeExpiryJob: Job<{ expired: number }> = {
  name: 'stores.expiry',
  everyMs: 60_000,
  run: async (ctx, tx) => ({ expired: await createStoreService(ctx, storeLedger).expireDue(tx, ctx.now()) }),
};
