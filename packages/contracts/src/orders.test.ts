import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  checkTransition,
  DEFAULT_ORDER_DEADLINES,
  FINAL_ORDER_STATUSES,
  nextActions,
  ORDER_ACTIONS,
  ORDER_STAGE_LABELS,
  ORDER_STAGE_OF,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderAction,
  type OrderActor,
  type OrderStatus,
} from './orders.ts';

const ACTORS: OrderActor[] = ['resident', 'vetter', 'dispatcher', 'volunteer', 'evaluator', 'system'];
const ACTIONS = Object.keys(ORDER_ACTIONS) as OrderAction[];

type Rule = {
  from: readonly OrderStatus[];
  to: OrderStatus | null;
  by: readonly OrderActor[];
  label: string;
  reason?: boolean;
};
const rule = (action: OrderAction): Rule => ORDER_ACTIONS[action];

/** Applies an action that must be legal, returning the new status. */
function step(status: OrderStatus, action: OrderAction, actor: OrderActor): OrderStatus {
  const check = checkTransition(status, action, actor);
  if (!check.ok) throw new Error(`${status} -${action}/${actor}-> refused: ${check.message}`);
  return check.to;
}

describe('the order transition table (ORDER_ACTIONS)', () => {
  it('only names known statuses and actors, and every action has a Chinese label', () => {
    for (const action of ACTIONS) {
      const r = rule(action);
      expect(r.from.length, action).toBeGreaterThan(0);
      for (const s of r.from) expect(ORDER_STATUSES, `${action}.from`).toContain(s);
      if (r.to !== null) expect(ORDER_STATUSES, `${action}.to`).toContain(r.to);
      expect(r.by.length, action).toBeGreaterThan(0);
      for (const a of r.by) expect(ACTORS, `${action}.by`).toContain(a);
      expect(r.label, action).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('labels every status in Chinese and lists the final ones', () => {
    expect(ORDER_STATUSES).toHaveLength(10);
    for (const s of ORDER_STATUSES) expect(ORDER_STATUS_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
    expect([...FINAL_ORDER_STATUSES].sort()).toEqual(['cancelled', 'closed', 'merged', 'rejected']);
  });

  it('asks for a reason when rejecting, cancelling, declining and reopening only', () => {
    const withReason = ACTIONS.filter((a) => rule(a).reason === true).sort();
    expect(withReason).toEqual(['cancel', 'decline', 'reject', 'reopen']);
  });

  it('reaches every status from submitted', () => {
    const seen = new Set<OrderStatus>(['submitted']);
    const queue: OrderStatus[] = ['submitted'];
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const actor of ACTORS) {
        for (const action of nextActions(s, actor)) {
          const to = step(s, action, actor);
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('gives each in-flight status a deadline stage and the final ones none', () => {
    for (const s of ORDER_STATUSES) {
      const stage = ORDER_STAGE_OF[s];
      if (FINAL_ORDER_STATUSES.includes(s)) expect(stage, s).toBeUndefined();
      else expect(Object.keys(ORDER_STAGE_LABELS), s).toContain(stage);
    }
  });
});

describe('checkTransition: every legal transition per actor', () => {
  const legal = ACTIONS.flatMap((action) =>
    rule(action).from.flatMap((from) =>
      rule(action).by.map((actor) => ({ action, from, actor, to: rule(action).to ?? from })),
    ),
  );

  it('has a non-trivial table', () => {
    expect(legal.length).toBeGreaterThanOrEqual(ACTIONS.length);
  });

  it.each(legal)('$actor may $action a $from order → $to', ({ action, from, actor, to }) => {
    expect(checkTransition(from, action, actor)).toEqual({ ok: true, to });
  });

  it('keeps the status for an action without a target (rating)', () => {
    expect(checkTransition('served', 'rate', 'resident')).toEqual({ ok: true, to: 'served' });
    expect(checkTransition('closed', 'rate', 'resident')).toEqual({ ok: true, to: 'closed' });
  });
});

describe('checkTransition: illegal transitions', () => {
  const wrongStatus = ACTIONS.flatMap((action) =>
    ORDER_STATUSES.filter((s) => !rule(action).from.includes(s)).flatMap((status) =>
      rule(action).by.map((actor) => ({ action, status, actor })),
    ),
  );
  const wrongActor = ACTIONS.flatMap((action) =>
    ACTORS.filter((a) => !rule(action).by.includes(a)).flatMap((actor) =>
      ORDER_STATUSES.map((status) => ({ action, status, actor })),
    ),
  );

  it.each(wrongStatus)(
    '$actor cannot $action a $status order (ILLEGAL_TRANSITION)',
    ({ action, status, actor }) => {
      const check = checkTransition(status, action, actor);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.code).toBe('ILLEGAL_TRANSITION');
      expect(check.message).toContain(`“${ORDER_STATUS_LABELS[status]}”`);
      expect(check.message).toContain(`“${rule(action).label}”`);
    },
  );

  it('refuses every action to an actor not entitled to it (NOT_ALLOWED), whatever the status', () => {
    expect(wrongActor.length).toBeGreaterThan(0);
    for (const { action, status, actor } of wrongActor) {
      const check = checkTransition(status, action, actor);
      expect(check, `${actor} ${action} ${status}`).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
      if (!check.ok) expect(check.message).toContain(`“${rule(action).label}”`);
    }
  });

  it('a volunteer cannot claim an order that is not yet dispatched', () => {
    expect(checkTransition('submitted', 'claim', 'volunteer')).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: '该需求当前为“待制单”，不能执行“接单”',
    });
  });

  it('a volunteer cannot finish before starting', () => {
    expect(checkTransition('claimed', 'finish', 'volunteer')).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: '该需求当前为“待实施”，不能执行“完成服务”',
    });
  });

  it('a resident cannot reopen an order that is still open', () => {
    for (const status of ['submitted', 'accepted', 'dispatched', 'in_service', 'served'] as const) {
      const check = checkTransition(status, 'reopen', 'resident');
      expect(check, status).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
      if (!check.ok) {
        expect(check.message).toContain(ORDER_STATUS_LABELS[status]);
        expect(check.message).toContain('需求未解决，重新办理');
      }
    }
    expect(checkTransition('served', 'reopen', 'resident')).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: '该需求当前为“待评单”，不能执行“需求未解决，重新办理”',
    });
  });

  it('a volunteer cannot vet, and a resident cannot dispatch', () => {
    expect(checkTransition('submitted', 'accept', 'volunteer')).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      message: '您不能对该需求执行“受理制单”',
    });
    expect(checkTransition('submitted', 'reject', 'volunteer')).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(checkTransition('accepted', 'dispatch', 'resident')).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      message: '您不能对该需求执行“派单”',
    });
  });

  it('reports the actor first when both the actor and the status are wrong', () => {
    expect(checkTransition('closed', 'dispatch', 'resident')).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(checkTransition('submitted', 'evaluate', 'system')).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('does not let a volunteer evaluate, nor the scheduler close an order that is not served', () => {
    expect(checkTransition('served', 'evaluate', 'volunteer')).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(checkTransition('in_service', 'auto_close', 'system')).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
  });
});

describe('nextActions', () => {
  // The expected buttons, written out by hand as the specification of the table.
  const expected: Record<OrderActor, Partial<Record<OrderStatus, OrderAction[]>>> = {
    resident: {
      submitted: ['cancel'],
      accepted: ['cancel'],
      served: ['rate'],
      closed: ['rate', 'reopen'],
    },
    vetter: {
      submitted: ['accept', 'reject', 'merge', 'cancel'],
      accepted: ['cancel'],
    },
    dispatcher: {
      accepted: ['dispatch'],
      dispatched: ['redispatch'],
    },
    volunteer: {
      dispatched: ['claim', 'decline'],
      claimed: ['start'],
      in_service: ['finish'],
    },
    evaluator: { served: ['evaluate'] },
    system: { served: ['auto_close'] },
  };
  const matrix = ACTORS.flatMap((actor) =>
    ORDER_STATUSES.map((status) => ({ actor, status, actions: expected[actor][status] ?? [] })),
  );

  it.each(matrix)('$actor at $status: $actions', ({ actor, status, actions }) => {
    expect([...nextActions(status, actor)].sort()).toEqual([...actions].sort());
  });

  it('lists exactly the actions checkTransition allows', () => {
    for (const actor of ACTORS) {
      for (const status of ORDER_STATUSES) {
        const allowed = ACTIONS.filter((a) => checkTransition(status, a, actor).ok);
        expect(nextActions(status, actor), `${actor} ${status}`).toEqual(allowed);
      }
    }
  });

  it('offers nothing on rejected, merged or cancelled orders, and only rate/reopen to the resident once closed', () => {
    for (const status of ['rejected', 'merged', 'cancelled'] as const) {
      for (const actor of ACTORS) expect(nextActions(status, actor), `${actor} ${status}`).toEqual([]);
    }
    for (const actor of ACTORS) {
      const actions = nextActions('closed', actor);
      if (actor === 'resident') expect([...actions].sort()).toEqual(['rate', 'reopen']);
      else expect(actions, actor).toEqual([]);
    }
  });
});

describe('order paths', () => {
  it('walks the happy path submitted → accepted → dispatched → claimed → in_service → served → closed', () => {
    const path: Array<[OrderAction, OrderActor, OrderStatus]> = [
      ['accept', 'vetter', 'accepted'],
      ['dispatch', 'dispatcher', 'dispatched'],
      ['claim', 'volunteer', 'claimed'],
      ['start', 'volunteer', 'in_service'],
      ['finish', 'volunteer', 'served'],
      ['rate', 'resident', 'served'],
      ['evaluate', 'evaluator', 'closed'],
    ];
    let status: OrderStatus = 'submitted';
    const seen: OrderStatus[] = [status];
    for (const [action, actor, to] of path) {
      status = step(status, action, actor);
      expect(status, action).toBe(to);
      if (seen.at(-1) !== status) seen.push(status);
    }
    expect(seen).toEqual([
      'submitted',
      'accepted',
      'dispatched',
      'claimed',
      'in_service',
      'served',
      'closed',
    ]);
  });

  it('returns a declined order for re-dispatch, and it can then be dispatched again', () => {
    let status = step('submitted', 'accept', 'vetter');
    status = step(status, 'dispatch', 'dispatcher');
    status = step(status, 'decline', 'volunteer');
    expect(status).toBe('accepted');
    expect(nextActions(status, 'dispatcher')).toEqual(['dispatch']);
    expect(nextActions(status, 'volunteer')).toEqual([]);
    status = step(status, 'dispatch', 'dispatcher');
    expect(status).toBe('dispatched');
    expect(step(status, 'redispatch', 'dispatcher')).toBe('dispatched');
  });

  it('auto-closes a served order, which the resident can reopen back into dispatch', () => {
    const closed = step('served', 'auto_close', 'system');
    expect(closed).toBe('closed');
    const reopened = step(closed, 'reopen', 'resident');
    expect(reopened).toBe('accepted');
    expect(nextActions(reopened, 'dispatcher')).toEqual(['dispatch']);
  });

  it('ends rejected, merged and cancelled orders', () => {
    expect(step('submitted', 'reject', 'vetter')).toBe('rejected');
    expect(step('submitted', 'merge', 'vetter')).toBe('merged');
    expect(step('submitted', 'cancel', 'resident')).toBe('cancelled');
    expect(step('accepted', 'cancel', 'vetter')).toBe('cancelled');
    expect(checkTransition('dispatched', 'cancel', 'resident')).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});

describe('deadlines', () => {
  it('has the default stage deadlines of the issue', () => {
    expect(DEFAULT_ORDER_DEADLINES).toEqual({
      vetWorkingDays: 1,
      dispatchHours: 24,
      claimHours: 24,
      reviewDays: 7,
      reopenDays: 7,
    });
  });

  // 2024-06-03 is a Monday; China time is UTC+8 all year.
  const china = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

  it('skips the weekend: Friday 17:00 + 1 working day is Monday 17:00 (China time)', () => {
    const result = addWorkingDays(china('2024-06-07T17:00:00'), 1);
    expect(result.toISOString()).toBe(china('2024-06-10T17:00:00').toISOString());
  });

  it('counts from a Saturday or a Sunday to Monday', () => {
    expect(addWorkingDays(china('2024-06-08T10:00:00'), 1)).toEqual(china('2024-06-10T10:00:00'));
    expect(addWorkingDays(china('2024-06-09T23:30:00'), 1)).toEqual(china('2024-06-10T23:30:00'));
    expect(addWorkingDays(china('2024-06-08T10:00:00'), 2)).toEqual(china('2024-06-11T10:00:00'));
  });

  it('uses China time, not UTC, to tell the weekday', () => {
    // Friday 07:00 in China is still Thursday in UTC; the next day is Saturday in China.
    expect(addWorkingDays(china('2024-06-07T07:00:00'), 1)).toEqual(china('2024-06-10T07:00:00'));
    // Monday 01:00 in China is Sunday in UTC; the next working day is Tuesday.
    expect(addWorkingDays(china('2024-06-10T01:00:00'), 1)).toEqual(china('2024-06-11T01:00:00'));
  });

  it('adds plain days within a week and a whole week for five working days', () => {
    expect(addWorkingDays(china('2024-06-04T09:00:00'), 1)).toEqual(china('2024-06-05T09:00:00'));
    expect(addWorkingDays(china('2024-06-06T09:00:00'), 1)).toEqual(china('2024-06-07T09:00:00'));
    expect(addWorkingDays(china('2024-06-07T17:00:00'), 5)).toEqual(china('2024-06-14T17:00:00'));
    expect(addWorkingDays(china('2024-06-03T09:00:00'), 10)).toEqual(china('2024-06-17T09:00:00'));
  });

  it('returns the same instant for 0 days, without mutating the input', () => {
    const from = china('2024-06-08T10:00:00');
    const before = from.getTime();
    const result = addWorkingDays(from, 0);
    expect(result.getTime()).toBe(before);
    expect(addWorkingDays(from, 3).getTime()).toBeGreaterThan(before);
    expect(from.getTime()).toBe(before);
  });
});
