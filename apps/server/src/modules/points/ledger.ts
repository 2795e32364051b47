// The points ledger (积分流水): every change of a holder's points is one appended entry, written by
// post_points() of migration 0017 under the holder's balance row lock — the entry carries the
// resulting balance and lifetime points, the rule (id and version) it was computed with, and the
// source it came from. A key per request makes each post happen once: a retried request gets the
// entry it already made. Other modules (the store) call spendPoints / refundPoints / pointBalance
// inside their own transactions.
import { sql } from 'kysely';
import type { PointEntryKind, PointHolderType } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';

export interface PointHolder {
  holderType: PointHolderType;
  holderId: number;
}

export interface LedgerEntry {
  id: number;
  holderType: PointHolderType;
  holderId: number;
  kind: PointEntryKind;
  ruleKind: string;
  delta: number;
  lifetimeDelta: number;
  balanceAfter: number;
  lifetimeAfter: number;
  ruleId: number | null;
  ruleVersion: number | null;
  sourceType: string;
  sourceId: number | null;
  reversesId: number | null;
  reason: string;
  occurredAt: Date;
}

export interface PostInput extends PointHolder {
  /** the holder's own org (their balance is seen by its admins); a volunteer's is looked up when absent */
  holderOrgPath?: string | null | undefined;
  /** the org of the source: the caller's scope must cover it */
  orgPath: string;
  kind: PointEntryKind;
  ruleKind: string;
  delta: number;
  ruleId?: number | null;
  ruleVersion?: number | null;
  sourceType: string;
  sourceId: number | null;
  reversesId?: number | null;
  /** the same key posts once per holder */
  idemKey: string;
  reason: string;
  occurredAt: Date;
  actorUserId?: number | null;
}

interface EntryRow {
  id: string | number;
  holder_type: string;
  holder_id: string | number;
  kind: string;
  rule_kind: string;
  delta: number;
  lifetime_delta: number;
  balance_after: number;
  lifetime_after: number;
  rule_id: string | number | null;
  rule_version: number | null;
  source_type: string;
  source_id: string | number | null;
  reverses_id: string | number | null;
  reason: string;
  occurred_at: Date;
}

export function entryOf(row: EntryRow): LedgerEntry {
  return {
    id: Number(row.id),
    holderType: row.holder_type as PointHolderType,
    holderId: Number(row.holder_id),
    kind: row.kind as PointEntryKind,
    ruleKind: row.rule_kind,
    delta: row.delta,
    lifetimeDelta: row.lifetime_delta,
    balanceAfter: row.balance_after,
    lifetimeAfter: row.lifetime_after,
    ruleId: row.rule_id === null ? null : Number(row.rule_id),
    ruleVersion: row.rule_version,
    sourceType: row.source_type,
    sourceId: row.source_id === null ? null : Number(row.source_id),
    reversesId: row.reverses_id === null ? null : Number(row.reverses_id),
    reason: row.reason,
    occurredAt: row.occurred_at,
  };
}

export const INSUFFICIENT_POINTS = '积分余额不足，无法兑换';

/** Appends one entry (or returns the one this key already made). */
export async function postEntry(tx: Tx, input: PostInput): Promise<LedgerEntry> {
  try {
    const { rows } = await sql<EntryRow>`SELECT * FROM post_points(
      ${input.holderType}, ${input.holderId}, ${input.holderOrgPath ?? null}::ltree, ${input.orgPath}::ltree,
      ${input.kind}, ${input.ruleKind}, ${Math.trunc(input.delta)}::int, ${input.ruleId ?? null}::bigint,
      ${input.ruleVersion ?? null}::int, ${input.sourceType}, ${input.sourceId}::bigint,
      ${input.reversesId ?? null}::bigint, ${input.idemKey}, ${input.reason},
      ${input.occurredAt}::timestamptz, ${input.actorUserId ?? null}::bigint)`.execute(tx);
    return entryOf(rows[0]!);
  } catch (error) {
    switch ((error as { code?: string }).code) {
      case 'PT402':
        throw new Conflict(INSUFFICIENT_POINTS, 'INSUFFICIENT_POINTS');
      case 'PT404':
        throw new NotFound('没有可撤销的积分记录');
      case 'PT400':
        throw new Invalid('积分数值不正确', 'INVALID_POINTS');
      case '42501':
        throw new Forbidden('不在您的数据范围内，不能变动其积分');
      default:
        throw error;
    }
  }
}

export interface SpendInput extends PointHolder {
  /** the holder's own org (a volunteer's is looked up when absent; a household's must be given) */
  holderOrgPath?: string | null | undefined;
  /** the store's org */
  orgPath: string;
  points: number;
  sourceType: string;
  sourceId: number;
  reason: string;
  occurredAt: Date;
  actorUserId?: number | null;
}

/**
 * Takes `points` from the holder's balance for a source (a redemption), in the caller's
 * transaction: refused with 409 '积分余额不足…' when the balance is short, nothing changed. The same
 * source spends once: a retried call returns the first entry.
 */
export async function spendPoints(tx: Tx, input: SpendInput): Promise<LedgerEntry> {
  if (!Number.isInteger(input.points) || input.points <= 0)
    throw new Invalid('兑换所需积分须为正整数', 'INVALID_POINTS');
  return postEntry(tx, {
    ...input,
    kind: 'spend',
    ruleKind: 'store',
    delta: -input.points,
    idemKey: `spend:${input.sourceType}:${input.sourceId}`,
  });
}

/**
 * Gives back what a source spent (a cancelled or expired redemption): a reversing entry, once —
 * a second refund returns the first. 404 when the source spent nothing of this holder.
 */
export async function refundPoints(
  tx: Tx,
  input: Omit<SpendInput, 'points'> & { points?: number },
): Promise<LedgerEntry> {
  const spend = await tx
    .selectFrom('point_entries')
    .select('id')
    .where('holder_type', '=', input.holderType)
    .where('holder_id', '=', input.holderId)
    .where('idem_key', '=', `spend:${input.sourceType}:${input.sourceId}`)
    .executeTakeFirst();
  if (!spend) throw new NotFound('没有可退回的兑换积分');
  return reverseEntry(tx, Number(spend.id), {
    holderOrgPath: input.holderOrgPath,
    orgPath: input.orgPath,
    reason: input.reason,
    occurredAt: input.occurredAt,
    actorUserId: input.actorUserId ?? null,
  });
}

/** Writes the entry that takes back `entryId` (an award, penalty, adjustment or spend), once. */
export async function reverseEntry(
  tx: Tx,
  entryId: number,
  how: {
    holderOrgPath?: string | null | undefined;
    orgPath: string;
    reason: string;
    occurredAt: Date;
    actorUserId?: number | null;
  },
): Promise<LedgerEntry> {
  const original = await tx
    .selectFrom('point_entries')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!original) throw new NotFound('没有可撤销的积分记录');
  return postEntry(tx, {
    holderType: original.holder_type as PointHolderType,
    holderId: Number(original.holder_id),
    holderOrgPath: how.holderOrgPath,
    orgPath: how.orgPath,
    kind: original.kind === 'spend' ? 'refund' : 'reversal',
    ruleKind: original.rule_kind,
    delta: -original.delta,
    ruleId: original.rule_id === null ? null : Number(original.rule_id),
    ruleVersion: original.rule_version,
    sourceType: original.source_type,
    sourceId: original.source_id === null ? null : Number(original.source_id),
    reversesId: entryId,
    idemKey: `reverse:${entryId}`,
    reason: how.reason,
    occurredAt: how.occurredAt,
    actorUserId: how.actorUserId ?? null,
  });
}

export interface Balance {
  balance: number;
  lifetime: number;
}

/** The holder's spendable balance and lifetime points (0 and 0 before their first entry). */
export async function pointBalance(tx: Tx, holderType: PointHolderType, holderId: number): Promise<Balance> {
  const row = await tx
    .selectFrom('point_balances')
    .select(['balance', 'lifetime'])
    .where('holder_type', '=', holderType)
    .where('holder_id', '=', holderId)
    .executeTakeFirst();
  return { balance: row?.balance ?? 0, lifetime: row?.lifetime ?? 0 };
}

/**
 * Awards `points` to a household (群众文明积分) for a source (a household award), in the caller's
 * transaction: once per source — a retried call returns the first entry. The caller's scope must
 * cover `orgPath` (the household's station).
 */
export async function awardHouseholdPoints(
  tx: Tx,
  input: {
    householdId: number;
    householdOrgPath: string;
    orgPath: string;
    points: number;
    sourceType: string;
    sourceId: number;
    reason: string;
    occurredAt: Date;
    actorUserId: number | null;
  },
): Promise<LedgerEntry> {
  if (!Number.isInteger(input.points) || input.points <= 0)
    throw new Invalid('积分须为正整数', 'INVALID_POINTS');
  return postEntry(tx, {
    holderType: 'household',
    holderId: input.householdId,
    holderOrgPath: input.householdOrgPath,
    orgPath: input.orgPath,
    kind: 'award',
    ruleKind: 'household',
    delta: input.points,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    idemKey: `award:${input.sourceType}:${input.sourceId}`,
    reason: input.reason,
    occurredAt: input.occurredAt,
    actorUserId: input.actorUserId,
  });
}
