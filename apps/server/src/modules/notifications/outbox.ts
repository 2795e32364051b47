// The outbound message queue (webhook_outbox): what the SMS/WeChat gateway should tell people, written
// in the caller's transaction so a message exists exactly when the change that caused it committed.
// webhook.job.ts delivers it.
import type { Tx } from '../../platform/db/database.ts';

export interface OutboundMessage {
  /** Org path of what the message is about (row-level security scopes the outbox by it). */
  orgPath: string;
  event: string;
  /** The order whose resident is the recipient; the phone is read and decrypted only when sending. */
  orderId?: number | null;
  payload: Record<string, unknown>;
}

export async function queueOutboundMessage(tx: Tx, message: OutboundMessage, now: Date): Promise<void> {
  await tx
    .insertInto('webhook_outbox')
    .values({
      org_path: message.orgPath,
      event: message.event,
      order_id: message.orderId ?? null,
      payload: JSON.stringify(message.payload),
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
}
