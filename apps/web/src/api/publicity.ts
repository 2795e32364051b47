// Publicity pieces (宣传稿件) in the console: the list and its filters, recording and editing a
// piece, its screenshot, the yearly summary against the quota and the Excel export.
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

export type PublicityPiece = ItemOf<'/api/publicity'>;
export type PieceQuery = Filters<QueryOf<'/api/publicity', 'get'>>;
export type PieceInput = BodyOf<'/api/publicity', 'post'>;
export type PiecePatch = BodyOf<'/api/publicity/{id}', 'patch'>;
export type PieceExportQuery = Filters<QueryOf<'/api/publicity/export', 'get'>>;
export type SummaryQuery = QueryOf<'/api/publicity/summary', 'get'>;
export type PublicitySummary = ResponseOf<'/api/publicity/summary', 'get'>;
export type SummaryRow = PublicitySummary['rows'][number];

const byId = (id: number) => ({ params: { path: { id } } });

export const publicityApi = {
  list: (query: PieceQuery) => call(api.GET('/api/publicity', { params: { query: toQuery(query) } })),
  create: (body: PieceInput) => call(api.POST('/api/publicity', { body })),
  update: (id: number, body: PiecePatch) => call(api.PATCH('/api/publicity/{id}', { ...byId(id), body })),
  remove: (id: number) => call(api.DELETE('/api/publicity/{id}', byId(id))),
  setScreenshot: (id: number, file: File) =>
    upload('/api/publicity/{id}/screenshot', file, undefined, {
      url: `/api/publicity/${id}/screenshot`,
      name: file.name,
    }),
  removeScreenshot: (id: number) => call(api.DELETE('/api/publicity/{id}/screenshot', byId(id))),
  summary: (query: SummaryQuery) => call(api.GET('/api/publicity/summary', { params: { query } })),
  exportXlsx: (query: PieceExportQuery) => download('/api/publicity/export', toQuery(query), '宣传稿件.xlsx'),
};
