// Volunteers: the typed client for docs/api.md "Volunteers (issue 4)". ID numbers and phones arrive
// masked; only `reveal` returns a full value (and the server audits it).
import type {
  Availability,
  Gender,
  PoliticalStatus,
  ServiceCategory,
  Skill,
  TeamMemberRole,
  TeamMemberStatus,
  TeamTier,
  VolunteerCategory,
  VolunteerSource,
  VolunteerStatus,
} from '@civic/contracts';
import { download, http } from './http';
import type { Id, Page, PageQuery } from './types';

export interface VolunteerListItem {
  id: Id;
  volunteerNo: string;
  name: string;
  gender: Gender;
  age: number;
  birthDate: string;
  orgId: Id;
  orgName: string;
  /** Masked, e.g. 110***********1234. */
  idNumber: string;
  /** Masked, e.g. 138****5678. */
  phone: string | null;
  politicalStatus: PoliticalStatus;
  categories: VolunteerCategory[];
  skills: Skill[];
  serviceCategories: ServiceCategory[];
  availability: Availability[];
  isMinor: boolean;
  status: VolunteerStatus;
  source: VolunteerSource;
  lifetimeHours: number;
  starLevel: number;
  teamCount: number;
  createdAt: string;
}

export interface VolunteerGuardian {
  name: string;
  /** Masked. */
  phone: string | null;
  consentAt: string | null;
}

export interface VolunteerConsent {
  version: string;
  at: string;
  channel: 'online' | 'offline';
  withdrawnAt: string | null;
  erasureRequestedAt: string | null;
}

export interface VolunteerHours {
  lifetime: number;
  year: number;
  star: { level: number; nextThreshold: number | null; hoursToNext: number | null };
  party: { required: number; done: number; remaining: number; met: boolean } | null;
}

export interface VolunteerTeamRef {
  memberId: Id;
  teamId: Id;
  teamName: string;
  tier: TeamTier;
  role: TeamMemberRole;
  status: TeamMemberStatus;
}

export interface VolunteerDetail extends VolunteerListItem {
  orgPath: string;
  skillsNote: string | null;
  statusReason: string | null;
  hasAccount: boolean;
  guardian: VolunteerGuardian | null;
  consent: VolunteerConsent;
  hours: VolunteerHours;
  teams: VolunteerTeamRef[];
}

export interface VolunteerGuardianInput {
  name: string;
  phone: string;
  consent: boolean;
}

export interface VolunteerInput {
  name: string;
  idNumber: string;
  phone: string;
  orgId: Id;
  politicalStatus: PoliticalStatus;
  categories?: VolunteerCategory[];
  skills?: Skill[];
  skillsNote?: string | null;
  serviceCategories?: ServiceCategory[];
  availability?: Availability[];
  guardian?: VolunteerGuardianInput;
}

export type VolunteerPatch = Partial<VolunteerInput>;

export interface VolunteerFilters {
  keyword?: string;
  phoneTail?: string;
  skill?: Skill | '';
  category?: VolunteerCategory | '';
  serviceCategory?: ServiceCategory | '';
  teamId?: Id | null;
  starLevel?: number | null;
  politicalStatus?: PoliticalStatus | '';
  status?: VolunteerStatus | '';
  isMinor?: boolean | '';
  orgId?: Id | null;
}

export type VolunteerListQuery = VolunteerFilters & PageQuery;

export type RevealField = 'idNumber' | 'phone' | 'guardianPhone';

export type ImportStatus = 'validating' | 'validated' | 'importing' | 'done' | 'failed';

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportJob {
  id: Id;
  fileName: string;
  status: ImportStatus;
  mode: 'all' | 'valid_only' | null;
  totalRows: number;
  processedRows: number;
  validRows: number;
  errorRows: number;
  importedRows: number;
  /** The first 500 errors; the full list is in the error report. */
  errors: ImportError[];
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const volunteerPath = (id: Id) => `/api/volunteers/${encodeURIComponent(id)}`;
const importPath = (id: Id) => `/api/volunteers/imports/${encodeURIComponent(id)}`;

export const volunteersApi = {
  list: (query: VolunteerListQuery) => http.get<Page<VolunteerListItem>>('/api/volunteers', query),
  get: (id: Id) => http.get<VolunteerDetail>(volunteerPath(id)),
  create: (body: VolunteerInput) => http.post<VolunteerDetail>('/api/volunteers', body),
  update: (id: Id, body: VolunteerPatch) => http.patch<VolunteerDetail>(volunteerPath(id), body),
  suspend: (id: Id, reason: string) => http.post<VolunteerDetail>(`${volunteerPath(id)}/suspend`, { reason }),
  reactivate: (id: Id) => http.post<VolunteerDetail>(`${volunteerPath(id)}/reactivate`),
  /** Full value of one masked field; audited on the server. */
  reveal: (id: Id, field: RevealField) =>
    http.post<{ value: string }>(`${volunteerPath(id)}/reveal`, { field }),
  export: (filters: VolunteerFilters, unmasked = false) =>
    download(
      '/api/volunteers/export',
      unmasked ? { ...filters, unmasked: true } : filters,
      unmasked ? '志愿者名单（明文）.xlsx' : '志愿者名单.xlsx',
    ),
};

export const volunteerImportsApi = {
  template: () => download('/api/volunteers/import-template', undefined, '志愿者导入模板.xlsx'),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return http.post<ImportJob>('/api/volunteers/imports', form);
  },
  list: (query: PageQuery) => http.get<Page<ImportJob>>('/api/volunteers/imports', query),
  get: (id: Id) => http.get<ImportJob>(importPath(id)),
  commit: (id: Id, validOnly: boolean) => http.post<ImportJob>(`${importPath(id)}/commit`, { validOnly }),
  errors: (id: Id) => download(`${importPath(id)}/errors`, undefined, '导入错误报告.xlsx'),
};
