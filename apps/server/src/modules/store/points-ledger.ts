// The store's ledger, backed by modules/points: a redemption spends its price with the redemption
// as the source (so a retried spend happens once), and a cancelled or expired one gets a refund
// entry that reverses that spend (once).
import { pointBalance, refundPoints, spendPoints } from '../points/index.ts';
import type { StoreLedger } from './ledger.ts';

export const REDEMPTION_SOURCE = 'store_redemption';

export const storeLedger: StoreLedger = {
  async spend(tx, s) {
    const entry = await spendPoints(tx, {
      holderType: s.holderType,
      holderId: s.holderId,
      orgPath: s.orgPath,
      points: s.points,
      sourceType: REDEMPTION_SOURCE,
      sourceId: s.redemptionId,
      reason: s.reason,
      occurredAt: s.now,
      actorUserId: s.actorId,
    });
    return entry.id;
  },
  async refund(tx, r) {
    await refundPoints(tx, {
      holderType: r.holderType,
      holderId: r.holderId,
      orgPath: r.orgPath,
      sourceType: REDEMPTION_SOURCE,
      sourceId: r.redemptionId,
      reason: r.reason,
      occurredAt: r.now,
      actorUserId: r.actorId,
    });
  },
  async balance(tx, holder) {
    return (await pointBalance(tx, holder.holderType, holder.holderId)).balance;
  },
};
