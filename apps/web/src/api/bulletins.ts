// 月通报、季调度、年总结 in the console: the indicators and their targets, the live report of a
// subtree and period, the published bulletins (immutable snapshots) with their Excel and PDF
// exports, and the reward funds allocated from a bulletin.
import { api, call, download, toQuery, type BodyOf, type QueryOf, type ResponseOf } from './http';

export type IndicatorsView = ResponseOf<'/api/assessment/indicators', 'get'>;
export type IndicatorSetting = IndicatorsView['items'][number];
export type AssessedKind = IndicatorSetting['orgKind'];
export type IndicatorsUpdate = BodyOf<'/api/assessment/indicators/{kind}', 'put'>;
export type ReportQuery = QueryOf<'/api/assessment/report', 'get'>;
export type AssessmentReport = ResponseOf<'/api/assessment/report', 'get'>;
export type ReportRow = AssessmentReport['rows'][number];
export type ReportIndicator = AssessmentReport['indicators'][number];
export type BulletinListQuery = QueryOf<'/api/assessment/bulletins', 'get'>;
export type BulletinPage = ResponseOf<'/api/assessment/bulletins', 'get'>;
export type BulletinSummary = BulletinPage['items'][number];
export type Bulletin = ResponseOf<'/api/assessment/bulletins/{id}', 'get'>;
export type BulletinCreate = BodyOf<'/api/assessment/bulletins', 'post'>;
export type HomeView = ResponseOf<'/api/assessment/home', 'get'>;
export type AllocationCreate = BodyOf<'/api/assessment/bulletins/{id}/allocation', 'post'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const bulletinsApi = {
  home: () => call(api.GET('/api/assessment/home')),
  indicators: () => call(api.GET('/api/assessment/indicators')),
  updateIndicators: (kind: AssessedKind, body: IndicatorsUpdate) =>
    call(api.PUT('/api/assessment/indicators/{kind}', { params: { path: { kind } }, body })),
  report: (query: ReportQuery) =>
    call(api.GET('/api/assessment/report', { params: { query: toQuery(query) as ReportQuery } })),
  list: (query: BulletinListQuery) =>
    call(api.GET('/api/assessment/bulletins', { params: { query: toQuery(query) as BulletinListQuery } })),
  get: (id: number) => call(api.GET('/api/assessment/bulletins/{id}', byId(id))),
  publish: (body: BulletinCreate) => call(api.POST('/api/assessment/bulletins', { body })),
  allocate: (id: number, body: AllocationCreate) =>
    call(api.POST('/api/assessment/bulletins/{id}/allocation', { ...byId(id), body })),
  exportXlsx: (b: Pick<BulletinSummary, 'id' | 'title'>) =>
    download(`/api/assessment/bulletins/${b.id}/xlsx`, undefined, `${b.title}.xlsx`),
  exportPdf: (b: Pick<BulletinSummary, 'id' | 'title'>) =>
    download(`/api/assessment/bulletins/${b.id}/pdf`, undefined, `${b.title}.pdf`),
};
