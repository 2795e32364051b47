import type { DB } from './schema.generated.ts';

/**
 * The Kysely database type. The table types are generated from the migrated database into
 * schema.generated.ts (`npm run db:types`; a test fails when they fall behind the migrations);
 * this file only names them the way the code refers to them.
 */
export type Database = DB;

export type { ImportRowError } from './json-columns.ts';

export type ActivitiesTable = DB['activities'];
export type ActivityCheckinsTable = DB['activity_checkins'];
export type ActivityPhotosTable = DB['activity_photos'];
export type ActivityPlansTable = DB['activity_plans'];
export type ActivitySeriesTable = DB['activity_series'];
export type ActivitySignupsTable = DB['activity_signups'];
export type AuditBatchesTable = DB['audit_batches'];
export type AuditLogTable = DB['audit_log'];
export type AuditSealFenceTable = DB['audit_seal_fence'];
export type HourRulesTable = DB['hour_rules'];
export type InspectionResultsTable = DB['inspection_results'];
export type InspectionsTable = DB['inspections'];
export type LoginFailuresTable = DB['login_failures'];
export type MenuItemsTable = DB['menu_items'];
export type NotificationsTable = DB['notifications'];
export type OrderAssigneesTable = DB['order_assignees'];
export type OrderDeadlineSettingsTable = DB['order_deadline_settings'];
export type OrderEventsTable = DB['order_events'];
export type OrdersTable = DB['orders'];
export type OrgsTable = DB['orgs'];
export type PlanItemsTable = DB['plan_items'];
export type PlatformsTable = DB['platforms'];
export type ProjectStatusHistoryTable = DB['project_status_history'];
export type ProjectsTable = DB['projects'];
export type ServiceRecordEventsTable = DB['service_record_events'];
export type ServiceRecordsTable = DB['service_records'];
export type SessionsTable = DB['sessions'];
export type SiteStandardItemsTable = DB['site_standard_items'];
export type SiteStandardsTable = DB['site_standards'];
export type TeamMembersTable = DB['team_members'];
export type TeamsTable = DB['teams'];
export type UploadsTable = DB['uploads'];
export type UsersTable = DB['users'];
export type VolunteerImportsTable = DB['volunteer_imports'];
export type VolunteersTable = DB['volunteers'];
export type WebhookOutboxTable = DB['webhook_outbox'];
