import { http } from './http';
import type {
  Coverage,
  Id,
  InspectionCreateBody,
  InspectionDetail,
  InspectionListItem,
  InspectionListQuery,
  Page,
  Photo,
  SiteStandard,
  SiteStandardBody,
} from './types';

export const siteStandardsApi = {
  list: () => http.get<SiteStandard[]>('/api/site-standards'),
  create: (body: SiteStandardBody) => http.post<SiteStandard>('/api/site-standards', body),
  update: (id: Id, body: SiteStandardBody) =>
    http.patch<SiteStandard>(`/api/site-standards/${encodeURIComponent(id)}`, body),
  coverage: (standardId: Id) => http.get<Coverage>('/api/site-standards/coverage', { standardId }),
};

export const inspectionsApi = {
  list: (query: InspectionListQuery) => http.get<Page<InspectionListItem>>('/api/inspections', query),
  get: (id: Id) => http.get<InspectionDetail>(`/api/inspections/${encodeURIComponent(id)}`),
  create: (body: InspectionCreateBody) => http.post<InspectionDetail>('/api/inspections', body),
};

export const uploadsApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return http.post<Photo>('/api/uploads', form);
  },
};
