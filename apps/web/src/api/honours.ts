// Honours (礼遇褒奖) in the console: the yearly lists by hours and by points, their Excel export for
// 评先评优 and 党员积分 reference, the privileges an org grants to star volunteers, and the hours
// milestones (时长里程碑) the volunteers reached.
import { api, call, download, toQuery, type BodyOf, type QueryOf, type ResponseOf } from './http';

export type HonourRankingQuery = QueryOf<'/api/honours/rankings', 'get'>;
export type HonourRanking = ResponseOf<'/api/honours/rankings', 'get'>;
export type RankedVolunteer = HonourRanking['byHours'][number];
export type RankedHousehold = HonourRanking['households']['byPoints'][number];
export type HonourPrivilege = ResponseOf<'/api/honours/privileges/{id}', 'patch'>;
export type HonourPrivilegeInput = BodyOf<'/api/honours/privileges', 'post'>;
export type HonourPrivilegePatch = BodyOf<'/api/honours/privileges/{id}', 'patch'>;
export type MilestoneQuery = QueryOf<'/api/honours/milestones', 'get'>;
export type Milestone = ResponseOf<'/api/honours/milestones', 'get'>['items'][number];

const byId = (id: number) => ({ params: { path: { id } } });

export const honoursApi = {
  rankings: (query: HonourRankingQuery) =>
    call(api.GET('/api/honours/rankings', { params: { query: toQuery(query) as HonourRankingQuery } })),
  export: (query: HonourRankingQuery) =>
    download('/api/honours/export', query, `礼遇褒奖-${query.year}.xlsx`),
  /** 时长里程碑: who in the unit's subtree first reached a star level's hours in the year. */
  milestones: (query: MilestoneQuery) =>
    call(api.GET('/api/honours/milestones', { params: { query: toQuery(query) as MilestoneQuery } })),
  privileges: (orgId?: number | null) =>
    call(api.GET('/api/honours/privileges', { params: { query: orgId ? { orgId } : {} } })),
  createPrivilege: (body: HonourPrivilegeInput) => call(api.POST('/api/honours/privileges', { body })),
  updatePrivilege: (id: number, body: HonourPrivilegePatch) =>
    call(api.PATCH('/api/honours/privileges/{id}', { ...byId(id), body })),
};
