// Domain events inside a transaction: a module low in the layer order (hours, activities, orders)
// tells the modules above it that something happened, without importing them. The emitter calls
// `ctx.events.emit(tx, event)` inside its own transaction; every handler a module declared in its
// defineModule({ events }) runs right there, in the same transaction and the same RLS scope, so the
// reaction (points awarded for a confirmed service record) commits or rolls back with the change
// itself. A handler that throws aborts the emitter's transaction: nothing half-done survives.
//
// Events carry the facts of what changed as the emitter knows them; a handler looks up what else it
// needs (an activity's festival, an order's rating) in the same transaction.
import type { Tx } from './db/database.ts';

/** One service record as its confirmation, correction or rejection left it. */
export interface ServiceRecordFacts {
  recordId: number;
  volunteerId: number;
  /** the record's hours now (after a correction: the corrected hours) */
  hours: number;
  source: string;
  sourceId: number | null;
  /** credit, backfill, manual or opening */
  kind: string;
  /** the org of the record (its activity's or order's, or the volunteer's for manual ones) */
  orgPath: string;
  /** when the service began: the rules valid on that day apply */
  servedAt: Date;
}

export type DomainEvent =
  | {
      type: 'serviceRecord.confirmed';
      records: ServiceRecordFacts[];
      actorUserId: number | null;
      at: Date;
    }
  | {
      type: 'serviceRecord.corrected';
      record: ServiceRecordFacts;
      fromHours: number;
      reason: string;
      actorUserId: number | null;
      at: Date;
    }
  | {
      type: 'serviceRecord.voided';
      record: ServiceRecordFacts;
      reason: string;
      actorUserId: number | null;
      at: Date;
    }
  | {
      /** an activity's attendance was closed: who never came, and who came after all (a late check-in) */
      type: 'activity.attendanceClosed';
      activityId: number;
      orgPath: string;
      title: string;
      noShowVolunteerIds: number[];
      cameAfterAllVolunteerIds: number[];
      at: Date;
    }
  | {
      /** an activity was finished (by its organiser or at its end time): it was held */
      type: 'activity.finished';
      activityId: number;
      orgPath: string;
      startsAt: Date;
      festival: string | null;
      at: Date;
    }
  | {
      /** an order was placed (by the resident, on their behalf, or through Open311) */
      type: 'order.received';
      orderId: number;
      orgPath: string;
      at: Date;
    }
  | {
      /** an order was closed (评单办结, or closed by the system when the review period ran out) */
      type: 'order.closed';
      orderId: number;
      orgPath: string;
      at: Date;
    }
  | {
      /** the resident reopened a closed order: its closing and its rating are undone */
      type: 'order.reopened';
      orderId: number;
      orgPath: string;
      /** when it had been closed */
      closedAt: Date;
      /** the rating it had, and when it was given (cleared by the reopening) */
      rating: number | null;
      ratedAt: Date | null;
      at: Date;
    }
  | {
      /** the resident rated a finished order */
      type: 'order.residentRated';
      orderId: number;
      orderNo: string;
      orgPath: string;
      rating: number;
      at: Date;
    };

export type DomainEventType = DomainEvent['type'];
export type EventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;
export type EventHandlers = {
  [K in DomainEventType]?: (tx: Tx, event: EventOf<K>) => Promise<void>;
};

export interface EventBus {
  /** Runs every handler of the event in the caller's transaction, in module order. */
  emit(tx: Tx, event: DomainEvent): Promise<void>;
  /** Adds a module's handlers (once per module name: building the app twice adds nothing). */
  subscribe(owner: string, handlers: EventHandlers): void;
  /** Which modules handle an event (for tests and the API docs). */
  handlersOf(type: DomainEventType): string[];
}

export function createEventBus(): EventBus {
  const subscribed = new Map<string, EventHandlers>();
  return {
    async emit(tx, event) {
      for (const handlers of subscribed.values()) {
        const handle = handlers[event.type] as ((tx: Tx, e: DomainEvent) => Promise<void>) | undefined;
        if (handle) await handle(tx, event);
      }
    },
    subscribe(owner, handlers) {
      if (!subscribed.has(owner)) subscribed.set(owner, handlers);
    },
    handlersOf(type) {
      return [...subscribed].filter(([, h]) => h[type]).map(([owner]) => owner);
    },
  };
}
