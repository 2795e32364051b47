// The volunteer's choices that registration asks for and 我的 → 修改资料 lets them change
// (ProfileFields.vue): what they would like to do, what they are good at, when they are free.
import {
  AVAILABILITIES,
  SERVICE_CATEGORIES,
  SKILLS,
  VOLUNTEER_CATEGORIES,
  type Availability,
  type ServiceCategory,
  type Skill,
  type VolunteerCategory,
} from '@civic/contracts';
import type { VolunteerDetail } from '../api/mobile';
import { codesOf } from '../utils/codes';

export interface ProfileChoices {
  categories: VolunteerCategory[];
  skills: Skill[];
  skillsNote: string;
  serviceCategories: ServiceCategory[];
  availability: Availability[];
}

export function emptyChoices(): ProfileChoices {
  return { categories: [], skills: [], skillsNote: '', serviceCategories: [], availability: [] };
}

/** A copy of a volunteer's stored choices, to edit. */
export function choicesOf(volunteer: VolunteerDetail): ProfileChoices {
  return {
    categories: codesOf(VOLUNTEER_CATEGORIES, volunteer.categories),
    skills: codesOf(SKILLS, volunteer.skills),
    skillsNote: volunteer.skillsNote ?? '',
    serviceCategories: codesOf(SERVICE_CATEGORIES, volunteer.serviceCategories),
    availability: codesOf(AVAILABILITIES, volunteer.availability),
  };
}

/** The choices as the API takes them (registration and the self-service patch alike). */
export function choicesBody(form: ProfileChoices): ProfileChoices {
  return {
    categories: form.categories,
    skills: form.skills,
    skillsNote: form.skillsNote.trim(),
    serviceCategories: form.serviceCategories,
    availability: form.availability,
  };
}
