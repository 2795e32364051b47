// Rankings (实践排行) in the console: volunteers, teams, and stations or institutes of an org subtree
// over a period by one metric, ranked by the server (ties share a rank; 样本不足 after the ranked),
// and the board's Excel export.
import { api, call, download, toQuery, type QueryOf, type ResponseOf } from './http';

export type VolunteerRankingQuery = QueryOf<'/api/assessment/rankings/volunteers', 'get'>;
export type VolunteerRanking = ResponseOf<'/api/assessment/rankings/volunteers', 'get'>;
export type TeamRankingQuery = QueryOf<'/api/assessment/rankings/teams', 'get'>;
export type TeamRanking = ResponseOf<'/api/assessment/rankings/teams', 'get'>;
export type UnitRankingQuery = QueryOf<'/api/assessment/rankings/units', 'get'>;
export type UnitRanking = ResponseOf<'/api/assessment/rankings/units', 'get'>;
export type RankingExportQuery = QueryOf<'/api/assessment/rankings/export', 'get'>;

export const rankingsApi = {
  volunteers: (query: VolunteerRankingQuery) =>
    call(
      api.GET('/api/assessment/rankings/volunteers', {
        params: { query: toQuery(query) as VolunteerRankingQuery },
      }),
    ),
  teams: (query: TeamRankingQuery) =>
    call(
      api.GET('/api/assessment/rankings/teams', { params: { query: toQuery(query) as TeamRankingQuery } }),
    ),
  units: (query: UnitRankingQuery) =>
    call(
      api.GET('/api/assessment/rankings/units', { params: { query: toQuery(query) as UnitRankingQuery } }),
    ),
  export: (query: RankingExportQuery) =>
    download('/api/assessment/rankings/export', query, `实践排行-${query.from}至${query.to}.xlsx`),
};
