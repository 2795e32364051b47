// The volunteer list's search form and its conversion to the API's filters.
import type {
  PoliticalStatus,
  ServiceCategory,
  Skill,
  VolunteerCategory,
  VolunteerStatus,
} from '@civic/contracts';
import type { VolunteerFilters } from '../../../api/volunteers';

export interface VolunteerSearch {
  keyword: string;
  phoneTail: string;
  skill: Skill | '';
  category: VolunteerCategory | '';
  serviceCategory: ServiceCategory | '';
  politicalStatus: PoliticalStatus | '';
  starLevel: number | null;
  status: VolunteerStatus | '';
  teamId: number | null;
  orgId: number | null;
  minorsOnly: boolean;
}

export function emptyVolunteerFilters(): VolunteerSearch {
  return {
    keyword: '',
    phoneTail: '',
    skill: '',
    category: '',
    serviceCategory: '',
    politicalStatus: '',
    starLevel: null,
    status: '',
    teamId: null,
    orgId: null,
    minorsOnly: false,
  };
}

/** Blank fields are dropped by the client; "minors only" unticked means no filter at all. */
export function toApiFilters(search: VolunteerSearch): VolunteerFilters {
  const { minorsOnly, keyword, phoneTail, ...rest } = search;
  return {
    ...rest,
    keyword: keyword.trim(),
    phoneTail: phoneTail.trim(),
    isMinor: minorsOnly ? true : '',
    starLevel: rest.starLevel ?? null,
  };
}
