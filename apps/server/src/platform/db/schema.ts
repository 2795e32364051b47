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

export interface Database {
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
