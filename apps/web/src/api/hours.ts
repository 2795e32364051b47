// Service hours (服务时长) in the console: the hour rules and the service records' review, 补录,
// manual records and opening balances (历史时长, one at a time or imported from Excel).
import {
  api,
  call,
  download,
  toQuery,
  upload,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

/** The rule that applies to an org, and which org set it (null: the platform default). */
export type HourRuleView = ResponseOf<'/api/hour-rules/effective', 'get'>;
export type HourRuleInput = BodyOf<'/api/hour-rules/{orgId}', 'put'>;
export type ServiceRecordView = ItemOf<'/api/service-records'>;
export type ServiceRecordDetail = ResponseOf<'/api/service-records/{id}', 'get'>;
export type ServiceRecordEvent = ServiceRecordDetail['events'][number];
export type RecordEventAction = ServiceRecordEvent['action'];
export type RecordListQuery = Filters<QueryOf<'/api/service-records', 'get'>>;
/** Records per status under the list's filters (the tab badges). */
export type RecordCounts = ResponseOf<'/api/service-records/counts', 'get'>;
export type RecordFilters = Filters<QueryOf<'/api/service-records/counts', 'get'>>;
export type BackfillInput = BodyOf<'/api/service-records/backfill', 'post'>;
export type ManualInput = BodyOf<'/api/service-records/manual', 'post'>;
export type OpeningInput = BodyOf<'/api/service-records/opening', 'post'>;
export type OpeningImportReport = ResponseOf<'/api/service-records/opening-imports', 'post'>;
export type OpeningImportMode = OpeningImportReport['mode'];
export type ConfirmResult = ResponseOf<'/api/service-records/confirm', 'post'>;

const byId = (id: number) => ({ params: { path: { id } } });
const byOrg = (orgId: number) => ({ params: { path: { orgId } } });

export const hoursApi = {
  effectiveRule: (orgId?: number | null) =>
    call(api.GET('/api/hour-rules/effective', { params: { query: orgId ? { orgId } : {} } })),
  setRule: (orgId: number, body: HourRuleInput) =>
    call(api.PUT('/api/hour-rules/{orgId}', { ...byOrg(orgId), body })),
  clearRule: (orgId: number) => call(api.DELETE('/api/hour-rules/{orgId}', byOrg(orgId))),

  list: (query: RecordListQuery) =>
    call(api.GET('/api/service-records', { params: { query: toQuery(query) } })),
  counts: (query: RecordFilters) =>
    call(api.GET('/api/service-records/counts', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/service-records/{id}', byId(id))),
  /** includeZeroHours: the reviewer was told some of them carry 0 hours (else 409 ZERO_HOURS). */
  confirm: (ids: number[], includeZeroHours = false) =>
    call(api.POST('/api/service-records/confirm', { body: { ids, includeZeroHours } })),
  correct: (id: number, body: BodyOf<'/api/service-records/{id}/correct', 'post'>) =>
    call(api.POST('/api/service-records/{id}/correct', { ...byId(id), body })),
  reject: (id: number, reason: string) =>
    call(api.POST('/api/service-records/{id}/reject', { ...byId(id), body: { reason } })),
  backfill: (body: BackfillInput) => call(api.POST('/api/service-records/backfill', { body })),
  manual: (body: ManualInput) => call(api.POST('/api/service-records/manual', { body })),
  opening: (body: OpeningInput) => call(api.POST('/api/service-records/opening', { body })),
  openingTemplate: () =>
    download('/api/service-records/opening-template', undefined, '历史时长导入模板.xlsx'),
  /** check: a row report only; import: creates the records when no row has a problem */
  importOpening: (mode: OpeningImportMode, evidenceUploadIds: string[], file: File) =>
    upload('/api/service-records/opening-imports', file, { mode, evidence: evidenceUploadIds.join(',') }),
};
