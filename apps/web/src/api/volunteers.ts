// Volunteers (志愿者) in the console. ID numbers and phones arrive masked; only `reveal` returns a
// full value (and the server audits it).
import {
  api,
  call,
  download,
  toQuery,
  upload,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type VolunteerListItem = ItemOf<'/api/volunteers'>;
export type VolunteerDetail = ResponseOf<'/api/volunteers/{id}', 'get'>;
export type VolunteerHours = VolunteerDetail['hours'];
export type VolunteerTeamRef = VolunteerDetail['teams'][number];
export type VolunteerInput = BodyOf<'/api/volunteers', 'post'>;
export type VolunteerPatch = BodyOf<'/api/volunteers/{id}', 'patch'>;
/** The list's filters, which the export takes too. */
export type VolunteerFilters = Filters<Omit<QueryOf<'/api/volunteers/export', 'get'>, 'unmasked'>>;
export type VolunteerListQuery = Filters<QueryOf<'/api/volunteers', 'get'>>;
export type VolunteerCard = ResponseOf<'/api/volunteers/{id}/card', 'get'>;
export type CardPrivileges = ResponseOf<'/api/volunteers/{id}/card/privileges', 'get'>['privileges'];
export type RevealField = BodyOf<'/api/volunteers/{id}/reveal', 'post'>['field'];

/** A withdrawn volunteer's pending request to rejoin, for the residence's admins to decide. */
export type RejoinRequest = ItemOf<'/api/volunteers/rejoin-requests'>;

export type ImportJob = ResponseOf<'/api/volunteers/imports/{id}', 'get'>;
export type ImportStatus = ImportJob['status'];
export type ImportError = ImportJob['errors'][number];

const byId = (id: number) => ({ params: { path: { id } } });
const importPath = (id: number) => `/api/volunteers/imports/${encodeURIComponent(id)}`;

export const volunteersApi = {
  list: (query: VolunteerListQuery) =>
    call(api.GET('/api/volunteers', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/volunteers/{id}', byId(id))),
  /** The card to print (audited on the server). */
  card: (id: number) => call(api.GET('/api/volunteers/{id}/card', byId(id))),
  /** The privileges the volunteer's star level earns, printed on the card (honours). */
  cardPrivileges: (id: number) => call(api.GET('/api/volunteers/{id}/card/privileges', byId(id))),
  /** A new card: every earlier card's QR code stops working. */
  reissueCard: (id: number) => call(api.POST('/api/volunteers/{id}/card/reissue', byId(id))),
  /** Sets the card photo (audited on the server); answers where to read it. */
  setPhoto: (id: number, file: Blob, name?: string) =>
    upload('/api/volunteers/{id}/photo', file, undefined, {
      url: `/api/volunteers/${encodeURIComponent(id)}/photo`,
      ...(name === undefined ? {} : { name }),
    }),
  create: (body: VolunteerInput) => call(api.POST('/api/volunteers', { body })),
  update: (id: number, body: VolunteerPatch) =>
    call(api.PATCH('/api/volunteers/{id}', { ...byId(id), body })),
  suspend: (id: number, reason: string) =>
    call(api.POST('/api/volunteers/{id}/suspend', { ...byId(id), body: { reason } })),
  reactivate: (id: number) => call(api.POST('/api/volunteers/{id}/reactivate', byId(id))),
  /** Full value of one masked field; audited on the server. */
  reveal: (id: number, field: RevealField) =>
    call(api.POST('/api/volunteers/{id}/reveal', { ...byId(id), body: { field } })),
  export: (filters: VolunteerFilters, unmasked = false) =>
    download(
      '/api/volunteers/export',
      unmasked ? { ...filters, unmasked: true } : filters,
      unmasked ? '志愿者名单（明文）.xlsx' : '志愿者名单.xlsx',
    ),
};

export const rejoinRequestsApi = {
  list: () => call(api.GET('/api/volunteers/rejoin-requests')),
  /** Reopens the record and its account; audited on the server. */
  confirm: (id: number) => call(api.POST('/api/volunteers/rejoin-requests/{id}/confirm', byId(id))),
  reject: (id: number) => call(api.POST('/api/volunteers/rejoin-requests/{id}/reject', byId(id))),
};

export const volunteerImportsApi = {
  template: () => download('/api/volunteers/import-template', undefined, '志愿者导入模板.xlsx'),
  upload: (file: File) => upload('/api/volunteers/imports', file),
  list: (query: Filters<QueryOf<'/api/volunteers/imports', 'get'>>) =>
    call(api.GET('/api/volunteers/imports', { params: { query: toQuery(query) } })),
  get: (id: number) => call(api.GET('/api/volunteers/imports/{id}', byId(id))),
  commit: (id: number, validOnly: boolean) =>
    call(api.POST('/api/volunteers/imports/{id}/commit', { ...byId(id), body: { validOnly } })),
  errors: (id: number) => download(`${importPath(id)}/errors`, undefined, '导入错误报告.xlsx'),
};
