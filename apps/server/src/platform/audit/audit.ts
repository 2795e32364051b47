import { sql } from 'kysely';
import { sm3Hex } from '../crypto.ts';
import type { Executor, Tx } from '../db/database.ts';

/**
 * The audit log: who did what, to which resource, in which org, from where, with what outcome.
 * Append-only for the application role, and tamper-evident with SM3 (migration 0013):
 *
 * - an append is one INSERT in the writer's own transaction. The entry carries the hash of its own
 *   content and takes its number (seq) from a sequence, so appends of all servers run in parallel;
 * - the sealer (sealAudit, the audit module's job) chains the entries in number order into sealed
 *   batches, as transparency logs do: a batch's hash covers the previous batch's hash, its range,
 *   its gaps and each entry's number and hash. Entries are sealed within seconds;
 * - verifyAuditChain recomputes every entry's hash and every batch's, so an edited, deleted or
 *   inserted sealed entry is found (`npm run audit:verify`), and says how many are not sealed yet.
 *
 * Batch 0 is the chain from before 0013, where each entry's hash covered the previous entry's.
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

/** What an entry's hash covers: everything it says (its number is bound to it by its batch). */
export interface EntryFields {
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

/** An entry of batch 0 also covered its number and the previous entry's hash. */
export interface ChainedFields extends EntryFields {
  seq: number;
}

export function entryHash(fields: EntryFields): string {
  return sm3Hex(`entry|${canonicalJson(fields)}`);
}

/** The hash of an entry of batch 0 (the chain before sealed batches). */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return sm3Hex(`${prevHash}|${canonicalJson(fields)}`);
}

export interface BatchContent {
  batchNo: number;
  firstSeq: number;
  lastSeq: number;
  gaps: readonly number[];
  prevHash: string;
  /** The batch's entries in number order. */
  entries: ReadonlyArray<{ seq: number; hash: string }>;
}

export function batchHash(batch: BatchContent): string {
  const entries = batch.entries.map((e) => `${e.seq}:${e.hash}`).join(',');
  return sm3Hex(
    `batch|${batch.prevHash}|${batch.batchNo}|${batch.firstSeq}|${batch.lastSeq}|${batch.gaps.join(',')}|${entries}`,
  );
}

export async function appendAudit(tx: Tx, entry: AuditEntry, now = new Date()): Promise<void> {
  const fields: EntryFields = {
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
  // the number comes from the column's default (audit_next_seq): no lock, no head row
  await tx
    .insertInto('audit_log')
    .values({
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
      hash: entryHash(fields),
    })
    .execute();
}

// ---------------------------------------------------------------- sealing

/** The sealer job's name; its advisory lock (see jobs/scheduler.ts) also guards sealAudit. */
export const AUDIT_SEAL_JOB = 'audit-seal';
/** At most this many entries go into one batch (a backlog is sealed over several ticks). */
const SEAL_MAX_ENTRIES = 10_000;

export interface SealResult {
  /** The batch written, or null when there was nothing to seal. */
  batchNo: number | null;
  sealed: number;
  gaps: number;
  /** The last number sealed so far. */
  sealedThrough: number;
}

/**
 * Seals the entries after the last batch into the next batch, in number order. An entry that is
 * there is sealed at once; a missing number is sealed as a gap only when it is final — when every
 * transaction that was running at the fence's time has ended, so none can still commit an entry
 * with that number — and until then the entries after it wait. Each call leaves a new fence once
 * the old one is resolved. Runs on the owner connection, one caller at a time.
 */
export async function sealAudit(tx: Tx, now = new Date()): Promise<SealResult> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`job:${AUDIT_SEAL_JOB}`}))`.execute(tx);
  const last = await tx
    .selectFrom('audit_batches')
    .select(['batch_no', 'last_seq', 'hash'])
    .orderBy('batch_no', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const fence = await tx
    .selectFrom('audit_seal_fence')
    .select(['seq', 'xid'])
    .where('id', '=', 1)
    .executeTakeFirst();

  // one statement, one snapshot: whether the fence's transactions have all ended, and the entries
  // that snapshot sees (so an entry committed by one of them is seen when it says they ended)
  const { rows } = await sql<{ resolved: boolean; seq: number | null; hash: string | null }>`
    SELECT r.resolved, e.seq, e.hash
    FROM (SELECT ${fence ? sql`pg_snapshot_xmin(pg_current_snapshot()) >= ${fence.xid}::xid8` : sql`false`}
            AS resolved) r
      LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log WHERE seq > ${last.last_seq}
                         ORDER BY seq LIMIT ${SEAL_MAX_ENTRIES}) e ON true`.execute(tx);
  const resolved = rows[0]?.resolved === true;
  const finalThrough = resolved && fence ? Number(fence.seq) : 0;
  const present = rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), hash: r.hash! }));

  const firstSeq = Number(last.last_seq) + 1;
  const entries: Array<{ seq: number; hash: string }> = [];
  const gaps: number[] = [];
  let next = firstSeq;
  let stopped = false;
  for (const entry of present) {
    if (entry.seq !== next) {
      // numbers next … entry.seq − 1 are missing: gaps if final, else wait for them
      if (entry.seq - 1 > finalThrough) {
        stopped = true;
        break;
      }
      for (let s = next; s < entry.seq; s += 1) gaps.push(s);
    }
    entries.push(entry);
    next = entry.seq + 1;
  }
  // missing numbers after the last entry, up to a resolved fence, are gaps too
  if (!stopped && present.length < SEAL_MAX_ENTRIES) {
    for (let s = next; s <= finalThrough; s += 1) gaps.push(s);
    next = Math.max(next, finalThrough + 1);
  }

  let batchNo: number | null = null;
  if (next > firstSeq) {
    batchNo = Number(last.batch_no) + 1;
    const content: BatchContent = {
      batchNo,
      firstSeq,
      lastSeq: next - 1,
      gaps,
      prevHash: last.hash,
      entries,
    };
    await tx
      .insertInto('audit_batches')
      .values({
        batch_no: batchNo,
        first_seq: content.firstSeq,
        last_seq: content.lastSeq,
        entries: entries.length,
        gaps,
        prev_hash: content.prevHash,
        hash: batchHash(content),
        sealed_at: now,
      })
      .execute();
  }

  // a new fence once the old one has served: the sequence's value, then an id taken after it
  if (!fence || resolved) {
    const { rows: seqRows } = await sql<{ last_value: number; is_called: boolean }>`
      SELECT last_value, is_called FROM audit_log_seq`.execute(tx);
    const numbered = Number(seqRows[0]!.last_value) - (seqRows[0]!.is_called ? 0 : 1);
    const { rows: xidRows } = await sql<{ xid: string }>`SELECT pg_current_xact_id()::text AS xid`.execute(
      tx,
    );
    await sql`INSERT INTO audit_seal_fence (id, seq, xid, taken_at)
      VALUES (1, ${numbered}, ${xidRows[0]!.xid}::xid8, ${now})
      ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, xid = EXCLUDED.xid, taken_at = EXCLUDED.taken_at`.execute(
      tx,
    );
  }
  return { batchNo, sealed: entries.length, gaps: gaps.length, sealedThrough: next - 1 };
}

// ---------------------------------------------------------------- verification

export interface VerifyResult {
  ok: boolean;
  /** Entries whose hash was checked (all of them, sealed or not). */
  checked: number;
  /** Of those, the entries sealed in batches. */
  sealed: number;
  /** Entries not sealed yet (the sealer seals them within seconds). */
  unsealed: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

interface AuditRow {
  seq: number;
  occurred_at: Date | string;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  org_id: number | null;
  org_path: string | null;
  ip: string | null;
  outcome: string;
  summary: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

function fieldsOf(row: AuditRow): EntryFields {
  return {
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
}

/**
 * Checks the whole log in number order (system connection): batch 0's chain entry by entry, then
 * every sealed batch — its link to the previous one, its range (each number an entry or a recorded
 * gap) and its hash — and every entry's own hash, sealed or not. Reports the first fault.
 */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  const batches = (await db.selectFrom('audit_batches').selectAll().orderBy('batch_no').execute()).map(
    (b) => ({
      ...b,
      batch_no: Number(b.batch_no),
      first_seq: Number(b.first_seq),
      last_seq: Number(b.last_seq),
      gaps: new Set(b.gaps.map(Number)),
    }),
  );
  let checked = 0;
  let sealed = 0;
  let unsealed = 0;
  const fault = (seq: number | null, reason: string): VerifyResult => ({
    ok: false,
    checked,
    sealed,
    unsealed,
    firstBrokenSeq: seq,
    reason,
  });

  // the batches' own chain
  for (const [i, b] of batches.entries()) {
    if (b.batch_no !== i) return fault(b.first_seq, `封存批次不连续：缺少第 ${i} 批（批次被删除）`);
    if (i === 0) {
      if (b.first_seq !== 1) return fault(b.first_seq, '首个封存批次的范围被改动');
      continue;
    }
    const prev = batches[i - 1]!;
    if (b.first_seq !== prev.last_seq + 1 || b.prev_hash !== prev.hash)
      return fault(b.first_seq, `第 ${i} 批与前一批衔接不上（封存记录被改动）`);
  }

  // the entries, in number order, page by page, against the batch each falls in
  let bi = 0;
  let expected = 1;
  let chainPrev = '0'.repeat(64); // batch 0: the previous entry's hash
  let members: Array<{ seq: number; hash: string }> = [];
  /** Closes batch `bi` once every number up to its end was seen: missing numbers, its hash. */
  const closeBatch = (upTo: number): VerifyResult | null => {
    while (bi < batches.length && batches[bi]!.last_seq < upTo) {
      const b = batches[bi]!;
      for (let s = expected; s <= b.last_seq; s += 1)
        if (!b.gaps.has(s)) return fault(s, `缺少第 ${s} 条（记录被删除）`);
      if (b.batch_no === 0) {
        if (b.last_seq > 0 && chainPrev !== b.hash)
          return fault(b.last_seq, '链尾记录缺失或被改动（记录被删除）');
      } else {
        const hash = batchHash({
          batchNo: b.batch_no,
          firstSeq: b.first_seq,
          lastSeq: b.last_seq,
          gaps: [...b.gaps].sort((x, y) => x - y),
          prevHash: b.prev_hash,
          entries: members,
        });
        if (b.entries !== members.length || hash !== b.hash)
          return fault(
            b.first_seq,
            `第 ${b.batch_no} 批（第 ${b.first_seq}–${b.last_seq} 条）封存哈希不匹配（记录被改动）`,
          );
      }
      expected = Math.max(expected, b.last_seq + 1);
      members = [];
      bi += 1;
    }
    return null;
  };

  const page = 5000;
  let lastSeq = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(page)
      .execute()) as unknown as AuditRow[];
    for (const raw of rows) {
      const row = { ...raw, seq: Number(raw.seq) };
      const closed = closeBatch(row.seq);
      if (closed) return closed;
      const batch = batches[bi];
      if (batch) {
        // sealed: the number must be one the batch expects, after every number before it
        for (let s = expected; s < row.seq; s += 1)
          if (!batch.gaps.has(s)) return fault(s, `缺少第 ${s} 条（记录被删除）`);
        if (batch.gaps.has(row.seq)) return fault(row.seq, `第 ${row.seq} 条在封存时并不存在（记录被插入）`);
      }
      if (batch?.batch_no === 0) {
        const fields: ChainedFields = { seq: row.seq, ...fieldsOf(row) };
        if (row.prev_hash !== chainPrev) return fault(row.seq, '前序哈希不匹配（记录被删除或改动）');
        if (chainHash(chainPrev, fields) !== row.hash) return fault(row.seq, '内容哈希不匹配（记录被篡改）');
        chainPrev = row.hash;
      } else if (entryHash(fieldsOf(row)) !== row.hash) {
        return fault(row.seq, '内容哈希不匹配（记录被篡改）');
      }
      checked += 1;
      if (batch) {
        sealed += 1;
        if (batch.batch_no > 0) members.push({ seq: row.seq, hash: row.hash });
        expected = row.seq + 1;
      } else {
        unsealed += 1;
      }
      lastSeq = row.seq;
    }
    if (rows.length < page) break;
  }
  const closed = closeBatch(Number.POSITIVE_INFINITY);
  if (closed) return closed;
  return { ok: true, checked, sealed, unsealed, firstBrokenSeq: null, reason: null };
}
