// Points that follow service records and attendance, written by the handlers of the domain events
// hours, activities and orders emit inside their transactions (platform/events.ts):
// - a confirmed record earns its planned awards (award-plan.ts), once: one live award per record
//   and rule kind, and each award's key is unique, so a retry or a second event awards nothing more;
// - a corrected record has its hour points reversed and awarded again for the new hours (a
//   correction to 0 hours takes back the per-record points too); a voided record has all reversed;
// - a 5-star rating of an order adds the bonus to its confirmed records;
// - a sign-up that never checked in is penalised once; a late check-in takes the penalty back.
// Never an edit: every change is a new entry.
import { sql } from 'kysely';
import { OUR_FESTIVALS, type PointRuleKind } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import type { EventHandlers, EventOf, ServiceRecordFacts } from '../../platform/events.ts';
import { plannedAwards, type RecordForPoints } from './award-plan.ts';
import { postEntry, reverseEntry } from './ledger.ts';
import { rulesAt } from './rule-lookup.ts';

export const RECORD_SOURCE = 'service_record';

/** The key of a record's n-th award of a rule kind (the seed writes the first ones with it too). */
export const awardKey = (recordId: number, ruleKind: string, n: number) =>
  `${RECORD_SOURCE}:${recordId}:${ruleKind}:${n}`;

interface LiveAward {
  id: number;
  ruleKind: string;
  delta: number;
}

/** A record's awards not yet reversed, by rule kind. */
async function liveAwards(tx: Tx, facts: ServiceRecordFacts): Promise<Map<string, LiveAward>> {
  const rows = await tx
    .selectFrom('point_entries as e')
    .select(['e.id', 'e.rule_kind', 'e.delta'])
    .where('e.holder_type', '=', 'volunteer')
    .where('e.holder_id', '=', facts.volunteerId)
    .where('e.source_type', '=', RECORD_SOURCE)
    .where('e.source_id', '=', facts.recordId)
    .where('e.kind', '=', 'award')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('point_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id'))),
    )
    .orderBy('e.id')
    .execute();
  return new Map(rows.map((r) => [r.rule_kind, { id: Number(r.id), ruleKind: r.rule_kind, delta: r.delta }]));
}

/** How many awards a record has had of a rule kind: the next one's key differs from all before. */
async function awardCount(tx: Tx, facts: ServiceRecordFacts, ruleKind: string): Promise<number> {
  const row = await tx
    .selectFrom('point_entries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('holder_type', '=', 'volunteer')
    .where('holder_id', '=', facts.volunteerId)
    .where('source_type', '=', RECORD_SOURCE)
    .where('source_id', '=', facts.recordId)
    .where('kind', '=', 'award')
    .where('rule_kind', '=', ruleKind)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The facts a record's bonuses depend on: its activity's festival and team, its order's rating. */
async function recordForPoints(tx: Tx, facts: ServiceRecordFacts): Promise<RecordForPoints> {
  const base = {
    hours: facts.hours,
    source: facts.source,
    kind: facts.kind,
    sourceLabel: null as string | null,
    festival: false,
    professional: false,
    rating: null as number | null,
  };
  if (facts.source === 'activity' && facts.sourceId !== null) {
    const a = await tx
      .selectFrom('activities as a')
      .leftJoin('teams as t', 't.id', 'a.team_id')
      .select(['a.title', 'a.festival', 't.kind as team_kind'])
      .where('a.id', '=', facts.sourceId)
      .executeTakeFirst();
    if (a) {
      base.sourceLabel = a.title;
      base.festival = a.festival !== null && (OUR_FESTIVALS as readonly string[]).includes(a.festival);
      base.professional = a.team_kind === 'professional';
    }
  } else if (facts.source === 'order' && facts.sourceId !== null) {
    const o = await tx
      .selectFrom('orders')
      .select(['order_no', 'rating'])
      .where('id', '=', facts.sourceId)
      .executeTakeFirst();
    if (o) {
      base.sourceLabel = o.order_no;
      base.rating = o.rating;
    }
  }
  return base;
}

type Mode = 'confirm' | 'correct' | 'rating';

/**
 * Brings a confirmed record's awards in line with what it earns. 'confirm' and 'rating' only add
 * what is missing ('rating': the 5-star bonus alone); 'correct' also replaces the hour award when the
 * hours changed and takes back per-record awards a 0-hour record no longer earns. An award already
 * written for a per-record rule is kept as it is: a later change of the rule rewrites nothing.
 */
export async function reconcileRecord(
  tx: Tx,
  facts: ServiceRecordFacts,
  mode: Mode,
  how: { at: Date; actorUserId: number | null; reason?: string },
): Promise<void> {
  const record = await recordForPoints(tx, facts);
  const rules = await rulesAt(tx, facts.orgPath, facts.servedAt);
  const planned = plannedAwards(rules, record);
  const live = await liveAwards(tx, facts);
  const target = new Map(planned.map((p) => [p.ruleKind as string, p]));
  const kinds = mode === 'rating' ? ['five_star'] : [...new Set([...target.keys(), ...live.keys()])];
  for (const ruleKind of kinds) {
    const want = target.get(ruleKind);
    const have = live.get(ruleKind);
    const replace =
      mode === 'correct' && have && (!want || (ruleKind === 'hour' && want.points !== have.delta));
    if (replace) {
      await reverseEntry(tx, have.id, {
        orgPath: facts.orgPath,
        reason: `服务时长更正为 ${facts.hours} 小时${how.reason ? `（${how.reason}）` : ''}，撤销原积分`,
        occurredAt: how.at,
        actorUserId: how.actorUserId,
      });
    }
    if (want && (!have || replace)) {
      const n = await awardCount(tx, facts, ruleKind);
      await postEntry(tx, {
        holderType: 'volunteer',
        holderId: facts.volunteerId,
        orgPath: facts.orgPath,
        kind: 'award',
        ruleKind,
        delta: want.points,
        ruleId: want.rule.id,
        ruleVersion: want.rule.version,
        sourceType: RECORD_SOURCE,
        sourceId: facts.recordId,
        idemKey: awardKey(facts.recordId, ruleKind, n + 1),
        reason: replace ? `${want.reason}（更正后）` : want.reason,
        occurredAt: how.at,
        actorUserId: how.actorUserId,
      });
    }
  }
}

/** Takes back every award of a record (rejected or voided). */
export async function voidRecord(
  tx: Tx,
  facts: ServiceRecordFacts,
  how: { at: Date; actorUserId: number | null; reason: string },
): Promise<void> {
  for (const have of (await liveAwards(tx, facts)).values()) {
    await reverseEntry(tx, have.id, {
      orgPath: facts.orgPath,
      reason: `服务记录被驳回（${how.reason}），撤销积分`,
      occurredAt: how.at,
      actorUserId: how.actorUserId,
    });
  }
}

const NO_SHOW_SOURCE = 'activity';
const noShowKey = (activityId: number) => `no_show:activity:${activityId}`;

async function onAttendanceClosed(tx: Tx, event: EventOf<'activity.attendanceClosed'>): Promise<void> {
  if (event.noShowVolunteerIds.length > 0) {
    const rules = await rulesAt(tx, event.orgPath, event.at);
    const rule = rules.get('no_show' satisfies PointRuleKind);
    if (rule && rule.points > 0) {
      for (const volunteerId of event.noShowVolunteerIds) {
        await postEntry(tx, {
          holderType: 'volunteer',
          holderId: volunteerId,
          orgPath: event.orgPath,
          kind: 'penalty',
          ruleKind: 'no_show',
          delta: -rule.points,
          ruleId: rule.id,
          ruleVersion: rule.version,
          sourceType: NO_SHOW_SOURCE,
          sourceId: event.activityId,
          idemKey: noShowKey(event.activityId),
          reason: `报名活动“${event.title}”后未到场`,
          occurredAt: event.at,
        });
      }
    }
  }
  for (const volunteerId of event.cameAfterAllVolunteerIds) {
    const penalty = await tx
      .selectFrom('point_entries')
      .select('id')
      .where('holder_type', '=', 'volunteer')
      .where('holder_id', '=', volunteerId)
      .where('idem_key', '=', noShowKey(event.activityId))
      .executeTakeFirst();
    if (penalty)
      await reverseEntry(tx, Number(penalty.id), {
        orgPath: event.orgPath,
        reason: `活动“${event.title}”已补签到，撤销未到场扣分`,
        occurredAt: event.at,
      });
  }
}

async function onOrderRated(tx: Tx, event: EventOf<'order.residentRated'>): Promise<void> {
  if (event.rating !== 5) return;
  const records = await tx
    .selectFrom('service_records')
    .select(['id', 'volunteer_id', 'hours', 'source', 'source_id', 'kind', 'started_at'])
    .select(sql<string>`org_path::text`.as('org_path'))
    .where('source', '=', 'order')
    .where('source_id', '=', event.orderId)
    .where('status', '=', 'confirmed')
    .orderBy('id')
    .execute();
  for (const r of records) {
    await reconcileRecord(tx, factsOfRow(r), 'rating', { at: event.at, actorUserId: null });
  }
}

export function factsOfRow(r: {
  id: number | string;
  volunteer_id: number | string;
  hours: number | string;
  source: string;
  source_id: number | string | null;
  kind: string;
  started_at: Date;
  org_path: string;
}): ServiceRecordFacts {
  return {
    recordId: Number(r.id),
    volunteerId: Number(r.volunteer_id),
    hours: Number(r.hours),
    source: r.source,
    sourceId: r.source_id === null ? null : Number(r.source_id),
    kind: r.kind,
    orgPath: r.org_path,
    servedAt: r.started_at,
  };
}

/** What the points module does when the modules below it report a change. */
export const pointsEventHandlers: EventHandlers = {
  'serviceRecord.confirmed': async (tx, event) => {
    for (const facts of event.records)
      await reconcileRecord(tx, facts, 'confirm', { at: event.at, actorUserId: event.actorUserId });
  },
  'serviceRecord.corrected': (tx, event) =>
    reconcileRecord(tx, event.record, 'correct', {
      at: event.at,
      actorUserId: event.actorUserId,
      reason: event.reason,
    }),
  'serviceRecord.voided': (tx, event) =>
    voidRecord(tx, event.record, { at: event.at, actorUserId: event.actorUserId, reason: event.reason }),
  'activity.attendanceClosed': onAttendanceClosed,
  'order.residentRated': onOrderRated,
};
