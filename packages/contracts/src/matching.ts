// Dispatch matching: candidates for an order ranked by skill/category fit, distance, availability
// for the requested time, current open load and past ratings, each with the reasons shown to the
// dispatcher. A pure function, so the ranking is tested without a database.
import type { Availability } from './volunteers.ts';

export interface MatchNeed {
  serviceCategory: string | null;
  skills: readonly string[];
  /** The village's coordinates. */
  latitude: number | null;
  longitude: number | null;
  /** When the resident would like the service, if said. */
  preferredAt: Date | null;
}

export interface MatchCandidate {
  id: number;
  name: string;
  skills: readonly string[];
  serviceCategories: readonly string[];
  availability: readonly string[];
  latitude: number | null;
  longitude: number | null;
  /** Orders claimed or in service now. */
  openLoad: number;
  averageRating: number | null;
  ratingCount: number;
}

export interface RankedCandidate {
  id: number;
  name: string;
  score: number;
  distanceKm: number | null;
  reasons: string[];
}

export const MATCH_WEIGHTS = {
  category: 30,
  skill: 20,
  distance: 25,
  availability: 10,
  load: 10,
  rating: 5,
} as const;
/** Beyond this a candidate gets no distance points (a county is about 50 km across). */
export const MATCH_MAX_KM = 20;
export const MATCH_MAX_LOAD = 5;

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The availability slot a time falls in (China time): evenings from 18:00, weekends, else weekdays. */
export function slotOf(at: Date): Availability {
  const local = new Date(at.getTime() + 8 * 3600_000);
  if (local.getUTCHours() >= 18) return 'evenings';
  const day = local.getUTCDay();
  return day === 0 || day === 6 ? 'weekends' : 'weekdays';
}

export function rankCandidates(need: MatchNeed, candidates: readonly MatchCandidate[]): RankedCandidate[] {
  const slot = need.preferredAt ? slotOf(need.preferredAt) : null;
  return candidates
    .map((c) => {
      const reasons: string[] = [];
      let score = 0;
      if (need.serviceCategory && c.serviceCategories.includes(need.serviceCategory)) {
        score += MATCH_WEIGHTS.category;
        reasons.push('服务类别对口');
      }
      const matched = need.skills.filter((s) => c.skills.includes(s));
      if (need.skills.length > 0 && matched.length > 0) {
        score += (MATCH_WEIGHTS.skill * matched.length) / need.skills.length;
        reasons.push(`具备所需专长 ${matched.length}/${need.skills.length}`);
      }
      let km: number | null = null;
      if (need.latitude !== null && need.longitude !== null && c.latitude !== null && c.longitude !== null) {
        km = distanceKm(need.latitude, need.longitude, c.latitude, c.longitude);
        score += MATCH_WEIGHTS.distance * Math.max(0, 1 - km / MATCH_MAX_KM);
        reasons.push(`距离约 ${km < 1 ? km.toFixed(1) : Math.round(km)} 公里`);
      }
      if (slot && c.availability.includes(slot)) {
        score += MATCH_WEIGHTS.availability;
        reasons.push('所需时段有空');
      }
      score += MATCH_WEIGHTS.load * Math.max(0, 1 - c.openLoad / MATCH_MAX_LOAD);
      reasons.push(c.openLoad === 0 ? '当前无在办需求' : `当前在办 ${c.openLoad} 单`);
      // no ratings yet counts as an average 4 stars, so newcomers are not buried
      const rating = c.ratingCount > 0 && c.averageRating !== null ? c.averageRating : 4;
      score += (MATCH_WEIGHTS.rating * rating) / 5;
      if (c.ratingCount > 0) reasons.push(`群众评价 ${rating.toFixed(1)} 星（${c.ratingCount} 次）`);
      return { id: c.id, name: c.name, score: Math.round(score * 10) / 10, distanceKm: km, reasons };
    })
    .sort(
      (a, b) => b.score - a.score || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.id - b.id,
    );
}
