// Assessment (考核) in the console: the figures of an org's units over a period (单位指标), summed
// by the server from its per-org per-day rollup.
import { api, call, toQuery, type QueryOf, type ResponseOf } from './http';

export type UnitsQuery = QueryOf<'/api/assessment/units', 'get'>;
export type UnitsView = ResponseOf<'/api/assessment/units', 'get'>;
export type UnitFigures = UnitsView['units'][number];

export const assessmentApi = {
  units: (query: UnitsQuery) =>
    call(api.GET('/api/assessment/units', { params: { query: toQuery(query) as UnitsQuery } })),
};
