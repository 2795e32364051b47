import { sql } from 'kysely';
import { sm3Hex } from '../crypto.ts';
import type { Executor, Tx } from '../db/database.ts';

/**
 * The audit log: who did what, to which resource, in which org, from where, with what outcome.
 * Append-only for the application role, and chained with SM3: each entry's hash covers its
 * content and the previous entry's hash, so an edited, deleted or reordered row is detectable
 * (`npm run audit:verify`). Appends take the chain head's row lock, so entries written by several
 * servers still form one chain.
 */
export interface AuditActor {
  userId: number | null;
  username: string | null;
  role: string | null;
}

export interface AuditEntry {
  actor: AuditActor | null;
  action: string;
  resourceType: string;
  resourceId?: string | number | null;
  orgId?: number | null;
  orgPath?: string | null;
  ip?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  summary?: Record<string, unknown>;
}

/** JSON with object keys sorted, so the hash does not depend on jsonb's key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  occurredAt: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  orgId: number | null;
  orgPath: string | null;
  ip: string | null;
  outcome: string;
  summary: Record<string, unknown>;
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return sm3Hex(`${prevHash}|${canonicalJson(fields)}`);
}

export async function appendAudit(tx: Tx, entry: AuditEntry, now = new Date()): Promise<void> {
  const head = await sql<{ seq: number; hash: string }>`
    SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`.execute(tx);
  const previous = head.rows[0];
  if (!previous) throw new Error('audit chain head missing');
  const fields: ChainedFields = {
    seq: previous.seq + 1,
    occurredAt: now.toISOString(),
    actorUserId: entry.actor?.userId ?? null,
    actorUsername: entry.actor?.username ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId === undefined || entry.resourceId === null ? null : String(entry.resourceId),
    orgId: entry.orgId ?? null,
    orgPath: entry.orgPath ?? null,
    ip: entry.ip ?? null,
    outcome: entry.outcome ?? 'success',
    summary: JSON.parse(canonicalJson(entry.summary ?? {})) as Record<string, unknown>,
  };
  const hash = chainHash(previous.hash, fields);
  await tx
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      occurred_at: now,
      actor_user_id: fields.actorUserId,
      actor_username: fields.actorUsername,
      actor_role: fields.actorRole,
      action: fields.action,
      resource_type: fields.resourceType,
      resource_id: fields.resourceId,
      org_id: fields.orgId,
      org_path: fields.orgPath,
      ip: fields.ip,
      outcome: fields.outcome,
      summary: JSON.stringify(fields.summary),
      prev_hash: previous.hash,
      hash,
    })
    .execute();
  await tx.updateTable('audit_chain_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Walks the whole chain in order (system connection) and reports the first broken link. */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  let checked = 0;
  let expectedPrev: string | null = null;
  let expectedSeq: number | null = null;
  let lastSeq = 0;
  const batch = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBrokenSeq: row.seq,
        reason,
      });
      if (expectedSeq !== null && row.seq !== expectedSeq)
        return broken(`序号不连续：缺少第 ${expectedSeq} 条`);
      if (expectedPrev !== null && row.prev_hash !== expectedPrev)
        return broken('前序哈希不匹配（记录被删除或改动）');
      const fields: ChainedFields = {
        seq: row.seq,
        occurredAt: new Date(row.occurred_at).toISOString(),
        actorUserId: row.actor_user_id,
        actorUsername: row.actor_username,
        actorRole: row.actor_role,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        orgId: row.org_id,
        orgPath: row.org_path,
        ip: row.ip,
        outcome: row.outcome,
        summary: row.summary,
      };
      if (chainHash(row.prev_hash, fields) !== row.hash) return broken('内容哈希不匹配（记录被篡改）');
      checked += 1;
      expectedPrev = row.hash;
      expectedSeq = row.seq + 1;
      lastSeq = row.seq;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_chain_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && head.seq !== lastSeq) {
    return { ok: false, checked, firstBrokenSeq: lastSeq + 1, reason: '链尾记录缺失（记录被删除）' };
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
