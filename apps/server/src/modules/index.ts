// Every server module, lowest first: a module may use the ones listed before it (through their
// index.ts), never one listed after it. app.ts registers their routes, main.ts schedules their jobs,
// and a test checks that each table and each permission has exactly one owner here.
import type { ServerModule } from '../platform/module.ts';
import { accountsModule } from './accounts/index.ts';
import { activitiesModule } from './activities/index.ts';
import { assessmentModule } from './assessment/index.ts';
import { auditModule } from './audit/index.ts';
import { certificatesModule } from './certificates/index.ts';
import { healthModule } from './health/index.ts';
import { honoursModule } from './honours/index.ts';
import { hoursModule } from './hours/index.ts';
import { householdsModule } from './households/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { ordersModule } from './orders/index.ts';
import { orgsModule } from './orgs/index.ts';
import { pointsModule } from './points/index.ts';
import { projectsModule } from './projects/index.ts';
import { publicityModule } from './publicity/index.ts';
import { storeModule } from './store/index.ts';
import { tasksModule } from './tasks/index.ts';
import { teamsModule } from './teams/index.ts';
import { trainingsModule } from './trainings/index.ts';
import { uploadsModule } from './uploads/index.ts';
import { volunteersModule } from './volunteers/index.ts';

export const MODULES: readonly ServerModule[] = [
  healthModule,
  auditModule,
  // below accounts: the audit admins are alerted of every privileged account action
  notificationsModule,
  accountsModule,
  uploadsModule,
  orgsModule,
  teamsModule,
  volunteersModule,
  projectsModule,
  hoursModule,
  ordersModule,
  activitiesModule,
  certificatesModule,
  // above hours, orders and activities: it reacts to their events and the store spends through it
  pointsModule,
  // after points: awards post through its ledger; the store redeems for its households
  householdsModule,
  // after points: redemptions spend and refund through its ledger
  storeModule,
  // after points, hours and volunteers: its lists are their figures
  honoursModule,
  // after notifications, uploads and orgs; below assessment, which reads its task figures
  tasksModule,
  // after uploads and orgs; below assessment, which reads its publicity figures
  publicityModule,
  // after uploads, orgs and volunteers; below assessment, which reads its training figures
  trainingsModule,
  // above activities, hours and orders: their events keep its per-org per-day rollup
  assessmentModule,
];
