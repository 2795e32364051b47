// Shapes from docs/api.md (the API contract). Ids are opaque strings.
import type { OrgKind, OrgStatus, Permission, Platform, Role, UserStatus } from '@civic/contracts';

export type Id = string;

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Me {
  id: Id;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  orgId: Id;
  orgName: string;
  orgPath: string;
  permissions: Permission[];
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface OkResponse {
  ok: true;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface OrgTreeNode {
  id: Id;
  parentId: Id | null;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  status: OrgStatus;
  children: OrgTreeNode[];
}

export interface Org {
  id: Id;
  parentId: Id | null;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  status: OrgStatus;
  path: string;
  depth: number;
  residentPopulation: number | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  headName: string | null;
  headTitle: string | null;
  deputyName: string | null;
  contactName: string | null;
  /** Masked by the server, e.g. 138****5678. */
  contactPhone: string | null;
  foundedOn: string | null;
  openingHours: string | null;
  /** 统一社会信用代码 (GB 32100). */
  creditCode: string | null;
  /** Saved despite a failed checksum (an early pilot code); the override was audited. */
  creditCodeOverride: boolean;
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Fields editable through PATCH /api/orgs/:id (null clears a field). */
export interface OrgEditableFields {
  code?: string;
  name?: string;
  shortName?: string | null;
  residentPopulation?: number | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  headName?: string | null;
  headTitle?: string | null;
  deputyName?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  foundedOn?: string | null;
  openingHours?: string | null;
  creditCode?: string | null;
  /** Save a credit code that fails the checksum (audited); only with `creditCode`. */
  creditCodeOverride?: boolean;
}

export interface OrgCreateBody extends OrgEditableFields {
  parentId: Id;
  kind: OrgKind;
  code: string;
  name: string;
}

export interface OrgListQuery extends PageQuery {
  keyword?: string;
  kind?: OrgKind | '';
  parentId?: Id | null;
  status?: OrgStatus | '';
}

export interface PlatformInfo {
  id: Id;
  platform: Platform;
  name: string;
  leadUnit: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string | null;
}

export interface PlatformPatch {
  leadUnit?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
}

export interface SiteStandardItem {
  id: Id;
  seq: number;
  title: string;
  description: string | null;
  weight: number;
}

export interface SiteStandard {
  id: Id;
  code: string;
  name: string;
  description: string | null;
  appliesTo: OrgKind[];
  passScore: number;
  isPreset: boolean;
  status: string;
  items: SiteStandardItem[];
}

export interface SiteStandardBody {
  code: string;
  name: string;
  description?: string;
  appliesTo: OrgKind[];
  passScore: number;
  items: { title: string; description?: string; weight: number }[];
}

export interface CoverageRow {
  orgId: Id;
  orgName: string;
  totalUnits: number;
  inspectedUnits: number;
  meetingUnits: number;
}

export interface Coverage {
  standardId: Id;
  totalUnits: number;
  inspectedUnits: number;
  meetingUnits: number;
  rows: CoverageRow[];
}

export interface InspectionListItem {
  id: Id;
  orgId: Id;
  orgName: string;
  standardId: Id;
  standardName: string;
  score: number;
  passed: boolean;
  inspector: string;
  inspectedOn: string;
  createdAt: string;
}

export interface Photo {
  id: Id;
  url: string;
}

export interface InspectionResult {
  itemId: Id;
  title: string;
  weight: number;
  passed: boolean;
  note: string | null;
  photos: Photo[];
}

export interface InspectionDetail extends InspectionListItem {
  note: string | null;
  results: InspectionResult[];
}

export interface InspectionListQuery extends PageQuery {
  orgId?: Id | null;
  standardId?: Id | '';
  passed?: boolean | '';
}

export interface InspectionCreateBody {
  orgId: Id;
  standardId: Id;
  inspector: string;
  inspectedOn: string;
  note?: string;
  results: { itemId: Id; passed: boolean; note?: string; photoIds?: Id[] }[];
}

export interface RoleInfo {
  role: Role;
  label: string;
  permissions: Permission[];
  orgKinds: OrgKind[];
}

export interface User {
  id: Id;
  username: string;
  displayName: string;
  /** Masked by the server. */
  phone: string | null;
  role: Role;
  roleLabel: string;
  orgId: Id;
  orgName: string;
  status: UserStatus;
  locked: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserListQuery extends PageQuery {
  keyword?: string;
  role?: Role | '';
  orgId?: Id | null;
  status?: UserStatus | '';
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  orgId: Id;
}

export interface UserPatch {
  displayName?: string;
  phone?: string;
  role?: Role;
  orgId?: Id;
}

export interface AuditLogItem {
  id: Id;
  seq: number;
  occurredAt: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  orgId: Id | null;
  ip: string | null;
  outcome: string;
  summary: string | null;
}

export interface AuditLogQuery extends PageQuery {
  actor?: string;
  action?: string;
  resourceType?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}
