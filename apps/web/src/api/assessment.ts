// Assessment (考核) in the console: the figures of an org's units over a period (单位指标), summed
// by the server from its per-org per-day rollup, and the big screen (数据大屏).
import { api, call, toQuery, type QueryOf, type ResponseOf } from './http';

export type UnitsQuery = QueryOf<'/api/assessment/units', 'get'>;
export type UnitsView = ResponseOf<'/api/assessment/units', 'get'>;
export type UnitFigures = UnitsView['units'][number];

export type ScreenQuery = QueryOf<'/api/assessment/screen', 'get'>;
export type ScreenView = ResponseOf<'/api/assessment/screen', 'get'>;

export const assessmentApi = {
  units: (query: UnitsQuery) =>
    call(api.GET('/api/assessment/units', { params: { query: toQuery(query) as UnitsQuery } })),
  /** 数据大屏: everything the big screen shows of the org's subtree (the caller's own org by default). */
  screen: (query: ScreenQuery) =>
    call(api.GET('/api/assessment/screen', { params: { query: toQuery(query) as ScreenQuery } })),
};
