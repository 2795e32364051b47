// Honours (礼遇褒奖) in the console: the yearly lists by hours and by points, their Excel export for
// 评先评优 and 党员积分 reference, and the privileges an org grants to star volunteers.
import { api, call, download, toQuery, type BodyOf, type QueryOf, type ResponseOf } from './http';

export type HonourRankingQuery = QueryOf<'/api/honours/rankings', 'get'>;
export type HonourRanking = ResponseOf<'/api/honours/rankings', 'get'>;
export type RankedVolunteer = HonourRanking['byHours'][number];
export type RankedHousehold = HonourRanking['households']['byPoints'][number];
export type HonourPrivilege = ResponseOf<'/api/honours/privileges/{id}', 'patch'>;
export type HonourPrivilegeInput = BodyOf<'/api/honours/privileges', 'post'>;
export type HonourPrivilegePatch = BodyOf<'/api/honours/privileges/{id}', 'patch'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const honoursApi = {
  rankings: (query: HonourRankingQuery) =>
    call(api.GET('/api/honours/rankings', { params: { query: toQuery(query) as HonourRankingQuery } })),
  export: (query: HonourRankingQuery) =>
    download('/api/honours/export', query, `礼遇褒奖-${query.year}.xlsx`),
  privileges: (orgId?: number | null) =>
    call(api.GET('/api/honours/privileges', { params: { query: orgId ? { orgId } : {} } })),
  createPrivilege: (body: HonourPrivilegeInput) => call(api.POST('/api/honours/privileges', { body })),
  updatePrivilege: (id: number, body: HonourPrivilegePatch) =>
    call(api.PATCH('/api/honours/privileges/{id}', { ...byId(id), body })),
};
