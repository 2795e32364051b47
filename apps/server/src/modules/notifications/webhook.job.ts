// Delivers the order outbox to the configured gateway (an SMS or WeChat service): a JSON body
// signed with HMAC-SHA256 over "<timestamp>.<body>", retried with exponential backoff (1 min,
// 2 min, 4 min … capped at 6 h) for up to 10 attempts. The resident's phone is decrypted only here,
// at the moment of sending. Without WEBHOOK_URL the outbox is marked skipped.
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';

const BATCH = 50;
export const WEBHOOK_MAX_ATTEMPTS = 10;
const TIMEOUT_MS = 5_000;

export function backoffMs(attempts: number): number {
  return Math.min(6 * 3600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export function webhookSecret(ctx: AppContext): string {
  return ctx.config.webhookSecret ?? ctx.cipher.derive('webhook-signing').toString('hex');
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** How long a claimed message is kept from other ticks while it is being sent. */
const LEASE_MS = 2 * 60_000;

type Claimed = Array<{
  id: number;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  contact_name: string | null;
  contact_phone_enc: string | null;
}>;
type Outcome = { delivered: number; failed: number; skipped: number };

/**
 * Under the job's lock: skip everything when no gateway is configured, else lease the due
 * messages (their next attempt moves past the lease) so no other tick sends them meanwhile.
 */
export async function claimWebhooks(ctx: AppContext, tx: Tx): Promise<Claimed | Outcome> {
  const now = ctx.now();
  if (!ctx.config.webhookUrl) {
    const skipped = await tx
      .updateTable('webhook_outbox')
      .set({ status: 'skipped' })
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return { delivered: 0, failed: 0, skipped: Number(skipped.numUpdatedRows) };
  }
  const due = await tx
    .selectFrom('webhook_outbox as w')
    .leftJoin('orders as o', 'o.id', 'w.order_id')
    .select(['w.id', 'w.event', 'w.payload', 'w.attempts', 'o.contact_name', 'o.contact_phone_enc'])
    .where('w.status', '=', 'pending')
    .where('w.next_attempt_at', '<=', now)
    .orderBy('w.id')
    .limit(BATCH)
    .forUpdate('w')
    .skipLocked()
    .execute();
  if (due.length > 0) {
    await tx
      .updateTable('webhook_outbox')
      .set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
  }
  return due;
}

/** After the lease committed: POST each message (no transaction is open meanwhile), record the outcome. */
export async function sendWebhooks(ctx: AppContext, claimed: Claimed | Outcome): Promise<Outcome> {
  if (!Array.isArray(claimed)) return claimed;
  const url = ctx.config.webhookUrl!;
  const now = ctx.now();
  const db = ctx.db.system;
  let delivered = 0;
  let failed = 0;
  for (const item of claimed) {
    const body = JSON.stringify({
      id: item.id,
      event: item.event,
      ...item.payload,
      contact: item.contact_phone_enc
        ? { name: item.contact_name, phone: ctx.cipher.decrypt(item.contact_phone_enc) }
        : null,
    });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    let error: string | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-civic-event': item.event,
          'x-civic-timestamp': timestamp,
          'x-civic-signature': signWebhook(webhookSecret(ctx), timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 200) : 'network error';
    }
    const attempts = item.attempts + 1;
    if (!error) {
      delivered += 1;
      await db
        .updateTable('webhook_outbox')
        .set({ status: 'delivered', attempts, delivered_at: now, last_error: null })
        .where('id', '=', item.id)
        .execute();
    } else {
      failed += 1;
      await db
        .updateTable('webhook_outbox')
        .set({
          attempts,
          last_error: error,
          status: attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending',
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)),
        })
        .where('id', '=', item.id)
        .execute();
    }
  }
  return { delivered, failed, skipped: 0 };
}

export const webhookJob: Job<Outcome, Claimed | Outcome> = {
  name: 'orders.webhook',
  everyMs: 30_000,
  run: claimWebhooks,
  afterCommit: sendWebhooks,
};
