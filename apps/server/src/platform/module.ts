// What a server module offers the rest of the application. Each folder under modules/ exports one
// of these from its index.ts; app.ts registers every module's routes (tagging them with the
// module's name in the OpenAPI document), main.ts schedules every module's jobs, and tests check
// that each table and each permission has exactly one owner.
import type { FastifyInstance } from 'fastify';
import type { Permission } from '@civic/contracts';
import type { AppContext } from './context.ts';
import type { ScheduledJob } from './jobs/scheduler.ts';
import type { Database } from './db/schema.ts';
import type { EventHandlers } from './events.ts';

export type RouteRegistrar = (app: FastifyInstance, ctx: AppContext) => void;

export interface ServerModule {
  /** Folder name; also the module's tag in the OpenAPI document and its operationIds' prefix. */
  name: string;
  /** One line: what the module is for (shown as the tag's description in the API docs). */
  description: string;
  routes: readonly RouteRegistrar[];
  jobs?: readonly ScheduledJob[];
  /** The permissions whose meaning this module defines (each permission has one owner). */
  permissions?: readonly Permission[];
  /** The tables only this module writes (each table has one owner). */
  tables: readonly (keyof Database)[];
  /** What the module does, in the emitter's transaction, when a module below it reports a change. */
  events?: EventHandlers;
}

export function defineModule<const M extends ServerModule>(module: M): M {
  return module;
}
