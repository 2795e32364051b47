// The organiser's side of the mobile face (H5): today's activities they may check people in to,
// and the check-in by a volunteer's card — the console's route and rules (activities module).
import { api, call, type ItemOf, type ResponseOf } from './http';

export type OrganiserActivity = ItemOf<'/api/activities'>;
export type CardCheckinResult = ResponseOf<'/api/activities/{id}/card-checkins', 'post'>;
export type CheckinDirection = 'in' | 'out';

/** The calendar day in China (Asia/Shanghai), as the activity list's from/to take it. */
export function chinaDay(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const organiserApi = {
  /** The activities of the organiser's scope that start today, earliest first. */
  today: () => {
    const day = chinaDay();
    return call(
      api.GET('/api/activities', { params: { query: { from: day, to: day, order: 'asc', pageSize: 100 } } }),
    );
  },
  cardCheckin: (id: number, code: string, direction: CheckinDirection) =>
    call(
      api.POST('/api/activities/{id}/card-checkins', { params: { path: { id } }, body: { code, direction } }),
    ),
};
