import type { OrgKind } from '@civic/contracts';
import type { SiteStandard, SiteStandardBody } from '../../../api/sites';

export interface StandardItemForm {
  /** Client-side key for v-for; items are replaced as a whole on save. */
  key: number;
  title: string;
  description: string;
  weight: number;
}

export interface StandardForm {
  code: string;
  name: string;
  description: string;
  appliesTo: OrgKind[];
  passScore: number;
  items: StandardItemForm[];
}

let nextKey = 1;

export function newItem(title = '', description = '', weight = 10): StandardItemForm {
  return { key: nextKey++, title, description, weight };
}

export function emptyStandardForm(): StandardForm {
  return { code: '', name: '', description: '', appliesTo: ['station'], passScore: 80, items: [newItem()] };
}

export function standardToForm(standard: SiteStandard): StandardForm {
  return {
    code: standard.code,
    name: standard.name,
    description: standard.description ?? '',
    appliesTo: [...standard.appliesTo],
    passScore: standard.passScore,
    items: [...standard.items]
      .sort((a, b) => a.seq - b.seq)
      .map((item) => newItem(item.title, item.description ?? '', item.weight)),
  };
}

export function toStandardBody(form: StandardForm): SiteStandardBody {
  const description = form.description.trim();
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    ...(description ? { description } : {}),
    appliesTo: form.appliesTo,
    passScore: form.passScore,
    items: form.items.map((item) => {
      const itemDescription = item.description.trim();
      return {
        title: item.title.trim(),
        ...(itemDescription ? { description: itemDescription } : {}),
        weight: item.weight,
      };
    }),
  };
}
