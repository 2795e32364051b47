import type { ColumnType, Generated } from 'kysely';

/** Kysely table types; one interface per table, names as in the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface OrgsTable {
  id: Id;
  parent_id: number | null;
  path: string;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  status: Generated<string>;
  resident_population: number | null;
  address: string | null;
  latitude: ColumnType<number | null, number | null | undefined, number | null>;
  longitude: ColumnType<number | null, number | null | undefined, number | null>;
  head_name: string | null;
  head_title: string | null;
  deputy_name: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  founded_on: ColumnType<string | null, string | null | undefined, string | null>;
  opening_hours: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  credit_code: ColumnType<string | null, string | null | undefined, string | null>;
  credit_code_override: Generated<boolean>;
}

export interface PlatformsTable {
  id: Id;
  center_id: number;
  org_path: string;
  platform: string;
  name: string;
  lead_unit: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  description: string | null;
  updated_at: Timestamp;
}

export interface SiteStandardsTable {
  id: Id;
  owner_org_id: number;
  org_path: string;
  code: string;
  name: string;
  description: string | null;
  applies_to: string[];
  pass_score: number;
  is_preset: Generated<boolean>;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SiteStandardItemsTable {
  id: Id;
  standard_id: number;
  org_path: string;
  seq: number;
  title: string;
  description: string | null;
  weight: number;
}

export interface UploadsTable {
  id: Generated<string>;
  org_path: string;
  uploaded_by: number;
  file_name: string;
  mime_type: string;
  byte_size: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
}

export interface InspectionsTable {
  id: Id;
  org_id: number;
  org_path: string;
  standard_id: number;
  standard_name: string;
  score: number;
  passed: boolean;
  inspector: string;
  inspected_on: string;
  note: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface InspectionResultsTable {
  id: Id;
  inspection_id: number;
  org_path: string;
  item_id: number | null;
  seq: number;
  title: string;
  weight: number;
  passed: boolean;
  note: string | null;
  photo_ids: Generated<string[]>;
}

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  phone_enc: string | null;
  phone_index: string | null;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  role: string;
  org_id: number;
  org_path: string;
  status: Generated<string>;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_login_ip: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Id;
  username_key: string;
  ip: string;
  failed_at: Timestamp;
}

export interface AuditLogTable {
  id: Id;
  seq: number;
  occurred_at: Timestamp;
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
  summary: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateText = ColumnType<string, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface VolunteersTable {
  id: Id;
  volunteer_no: Generated<string>;
  user_id: number | null;
  org_id: number;
  org_path: string;
  name: string;
  gender: string;
  birth_date: DateText;
  id_number_enc: string;
  id_number_index: string;
  phone_enc: string | null;
  phone_index: string | null;
  phone_tail: string | null;
  political_status: string;
  categories: TextArray;
  skills: TextArray;
  skills_note: string | null;
  service_categories: TextArray;
  availability: TextArray;
  is_minor: Generated<boolean>;
  guardian_name: string | null;
  guardian_phone_enc: string | null;
  guardian_consent_at: NullableTimestamp;
  consent_version: string;
  consent_at: Timestamp;
  consent_channel: string;
  consent_withdrawn_at: NullableTimestamp;
  erasure_requested_at: NullableTimestamp;
  status: Generated<string>;
  status_reason: string | null;
  source: string;
  lifetime_hours: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Id;
  org_id: number;
  org_path: string;
  parent_id: number | null;
  name: string;
  tier: string;
  kind: string;
  platform: string | null;
  responsible_unit: string | null;
  yearly_service_target: number | null;
  service_categories: TextArray;
  description: string | null;
  founded_on: ColumnType<string | null, string | null | undefined, string | null>;
  accepting_applications: Generated<boolean>;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  id: Id;
  team_id: number;
  volunteer_id: number;
  org_path: string;
  role: Generated<string>;
  status: string;
  source: string;
  application_note: string | null;
  decision_note: string | null;
  decided_by: number | null;
  applied_at: Timestamp;
  decided_at: NullableTimestamp;
  joined_at: NullableTimestamp;
  left_at: NullableTimestamp;
}

export interface VolunteerImportsTable {
  id: Id;
  org_id: number;
  org_path: string;
  created_by: number;
  file_name: string;
  file_enc: Buffer | null;
  status: string;
  mode: string | null;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  valid_rows: Generated<number>;
  error_rows: Generated<number>;
  imported_rows: Generated<number>;
  errors: ColumnType<ImportRowError[], string | undefined, string>;
  failure: string | null;
  created_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ImportRowError {
  /** The worksheet row number as Excel shows it. */
  row: number;
  column: string | null;
  message: string;
}

export interface ProjectsTable {
  id: Id;
  owner_org_id: number;
  org_path: string;
  name: string;
  year: number;
  platform: string | null;
  service_category: string | null;
  responsible_team_id: number | null;
  responsible_unit: string | null;
  description: string | null;
  target_groups: string | null;
  yearly_target: number | null;
  status: Generated<string>;
  copied_from_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectStatusHistoryTable {
  id: Id;
  project_id: number;
  org_path: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  changed_by: number | null;
  changed_at: Timestamp;
}

export interface MenuItemsTable {
  id: Id;
  owner_org_id: number;
  org_path: string;
  project_id: number | null;
  title: string;
  service_category: string;
  skills: TextArray;
  description: string | null;
  area_org_id: number;
  area_path: string;
  typical_minutes: number;
  volunteers_needed: Generated<number>;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrdersTable {
  id: Id;
  order_no: Generated<string>;
  org_id: number;
  org_path: string;
  menu_item_id: number | null;
  project_id: number | null;
  service_category: string;
  skills: TextArray;
  description: string;
  address: string;
  contact_name: string;
  contact_phone_enc: string;
  contact_phone_index: string;
  tracking_hash: string;
  resident_user_id: number | null;
  channel: string;
  preferred_at: NullableTimestamp;
  agreed_at: NullableTimestamp;
  priority: Generated<string>;
  status: Generated<string>;
  volunteers_needed: Generated<number>;
  dispatched_org_id: number | null;
  dispatched_team_id: number | null;
  merged_into_id: number | null;
  reject_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  evaluation: string | null;
  stage_due_at: NullableTimestamp;
  escalation_level: Generated<number>;
  escalated_at: NullableTimestamp;
  service_started_at: NullableTimestamp;
  service_ended_at: NullableTimestamp;
  service_note: string | null;
  service_photo_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: NullableTimestamp;
  version: Generated<number>;
}

export interface OrderEventsTable {
  id: Id;
  order_id: number;
  org_path: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_kind: string;
  actor_user_id: number | null;
  actor_name: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
}

export interface OrderAssigneesTable {
  id: Id;
  order_id: number;
  volunteer_id: number;
  org_path: string;
  status: string;
  decline_reason: string | null;
  offered_at: Timestamp;
  claimed_at: NullableTimestamp;
}

export interface ServiceRecordsTable {
  id: Id;
  volunteer_id: number;
  org_path: string;
  source: string;
  source_id: number | null;
  started_at: Timestamp;
  ended_at: Timestamp;
  minutes: number;
  status: Generated<string>;
  created_at: Timestamp;
  kind: Generated<string>;
  hours: ColumnType<number, number | undefined, number>;
  note: string | null;
  evidence_upload_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  reviewed_by: number | null;
  reviewed_at: NullableTimestamp;
  reject_reason: string | null;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Id;
  org_id: number;
  org_path: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  /** set when the notification is for one volunteer (H5), not for the org's staff */
  volunteer_id: number | null;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface WebhookOutboxTable {
  id: Id;
  org_path: string;
  event: string;
  order_id: number | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

export interface OrderDeadlineSettingsTable {
  org_id: number;
  org_path: string;
  vet_working_days: number;
  dispatch_hours: number;
  claim_hours: number;
  review_days: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

type Coordinate = ColumnType<number | null, number | null | undefined, number | null>;
type DateOnly = ColumnType<string | null, string | null | undefined, string | null>;

export interface ActivityPlansTable {
  id: Id;
  org_id: number;
  org_path: string;
  year: number;
  title: string;
  summary: string | null;
  quarter_themes: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<string>;
  published_at: NullableTimestamp;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanItemsTable {
  id: Id;
  plan_id: number;
  org_path: string;
  month: number;
  week: number | null;
  title: string;
  description: string | null;
  form: string | null;
  festival: string | null;
  planned_on: DateOnly;
  activity_id: number | null;
  created_at: Timestamp;
}

export interface ActivitySeriesTable {
  id: Id;
  org_id: number;
  org_path: string;
  title: string;
  frequency: string;
  occurrences: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ActivitiesTable {
  id: Id;
  activity_no: string;
  org_id: number;
  org_path: string;
  series_id: number | null;
  plan_item_id: number | null;
  title: string;
  platform: string | null;
  project_id: number | null;
  team_id: number | null;
  form: string;
  festival: string | null;
  description: string | null;
  place: string;
  latitude: Coordinate;
  longitude: Coordinate;
  geofence_m: ColumnType<number, number | undefined, number>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  signup_opens_at: NullableTimestamp;
  signup_closes_at: NullableTimestamp;
  audience: Generated<string>;
  status: Generated<string>;
  cancel_reason: string | null;
  confirmed_count: Generated<number>;
  waitlist_count: Generated<number>;
  summary: string | null;
  video_links: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  archived_at: NullableTimestamp;
}

export interface ActivityPhotosTable {
  id: Id;
  activity_id: number;
  upload_id: string;
  org_path: string;
  caption: string | null;
  created_at: Timestamp;
}

export interface ActivitySignupsTable {
  id: Id;
  activity_id: number;
  volunteer_id: number;
  org_path: string;
  status: string;
  source: Generated<string>;
  reminded_at: NullableTimestamp;
  attendance_confirmed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  cancelled_at: NullableTimestamp;
}

export interface ActivityCheckinsTable {
  id: Id;
  activity_id: number;
  volunteer_id: number;
  org_path: string;
  checked_in_at: Timestamp;
  in_method: string;
  in_latitude: Coordinate;
  in_longitude: Coordinate;
  in_distance_m: number | null;
  checked_out_at: NullableTimestamp;
  out_method: string | null;
  out_latitude: Coordinate;
  out_longitude: Coordinate;
  recorded_by: number | null;
  note: string | null;
}

export interface HourRulesTable {
  org_id: number;
  org_path: string;
  step_minutes: number;
  rounding: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ServiceRecordEventsTable {
  id: Id;
  record_id: number;
  org_path: string;
  action: string;
  from_hours: number | null;
  to_hours: number | null;
  reason: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  created_at: Timestamp;
}

export interface Database {
  activity_plans: ActivityPlansTable;
  plan_items: PlanItemsTable;
  activity_series: ActivitySeriesTable;
  activities: ActivitiesTable;
  activity_photos: ActivityPhotosTable;
  activity_signups: ActivitySignupsTable;
  activity_checkins: ActivityCheckinsTable;
  hour_rules: HourRulesTable;
  service_record_events: ServiceRecordEventsTable;
  order_deadline_settings: OrderDeadlineSettingsTable;
  webhook_outbox: WebhookOutboxTable;
  notifications: NotificationsTable;
  projects: ProjectsTable;
  project_status_history: ProjectStatusHistoryTable;
  menu_items: MenuItemsTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  order_assignees: OrderAssigneesTable;
  service_records: ServiceRecordsTable;
  volunteers: VolunteersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  volunteer_imports: VolunteerImportsTable;
  orgs: OrgsTable;
  platforms: PlatformsTable;
  site_standards: SiteStandardsTable;
  site_standard_items: SiteStandardItemsTable;
  uploads: UploadsTable;
  inspections: InspectionsTable;
  inspection_results: InspectionResultsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
}
