// Teams: the team tree (总队/大队/中队/小队/小分队), professional teams, members and their roles,
// applications to join and the leader's review.
import { defineModule } from '../../platform/module.ts';
import { teamsRoutes } from './teams.routes.ts';

export { leaveAllTeams } from './memberships.ts';
export { findTeam } from './teams.service.ts';
export { inTeams, ledTeamIds, NO_TEAM_MESSAGE } from './team-scope.ts';
export { countActiveTeams } from './subtree-counts.ts';

export const teamsModule = defineModule({
  name: 'teams',
  description: '志愿服务队：队伍树、专业队、队员与职务、入队申请与审核',
  routes: [teamsRoutes],
  permissions: ['team.read', 'team.write'],
  tables: ['teams', 'team_members'],
});
