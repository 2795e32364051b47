// The store's side of the points ledger (modules/points): spending a redemption's price, giving it
// back, and a holder's balance — always in the redemption's own transaction, so stock, points and
// the redemption change together or not at all.
import type { Tx } from '../../platform/db/database.ts';

export type HolderType = 'volunteer' | 'household';

export interface Holder {
  holderType: HolderType;
  holderId: number;
}

export interface StoreLedger {
  /** Spends the price; throws a Chinese 4xx when the balance cannot cover it. Returns the entry's id. */
  spend(
    tx: Tx,
    spend: Holder & {
      points: number;
      redemptionId: number;
      orgPath: string;
      reason: string;
      now: Date;
      actorId: number | null;
    },
  ): Promise<number>;
  /** Gives a spend back (idempotent: the same spend is refunded once). */
  refund(
    tx: Tx,
    refund: Holder & {
      redemptionId: number;
      orgPath: string;
      reason: string;
      now: Date;
      actorId: number | null;
    },
  ): Promise<void>;
  balance(tx: Tx, holder: Holder): Promise<number>;
}
