// Residents' civic points on the mobile face: a village's public board (no account) and the
// household linked to a resident's account (本户文明积分).
import { api, call, type ResponseOf } from './http';

export type HouseholdBoard = ResponseOf<'/api/public/household-board/{orgId}', 'get'>;
export type MyHousehold = ResponseOf<'/api/me/household', 'get'>['household'];

export const householdBoardApi = {
  board: (orgId: number) =>
    call(api.GET('/api/public/household-board/{orgId}', { params: { path: { orgId } } })),
  mine: () => call(api.GET('/api/me/household')),
};
