import type { Config } from './config.ts';
import type { FieldCipher } from './crypto.ts';
import type { Databases } from './db/database.ts';
import type { EventBus } from './events.ts';

/** What every module's routes and services are built from. */
export interface AppContext {
  config: Config;
  db: Databases;
  cipher: FieldCipher;
  /** Injectable clock: services take "now" from here, so tests can move time. */
  now: () => Date;
  /** In-transaction domain events: buildApp subscribes every module's handlers (events.ts). */
  events: EventBus;
}
