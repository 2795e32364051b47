// Households (户) and their civic points (群众文明积分) in the console: the register, a household's
// ledger, awards with an evidence photo, the second person's confirmation, voiding, the village rule
// list and the station's board settings; and, for the store keeper, redeeming for a household.
import {
  api,
  call,
  toQuery,
  upload,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type HouseholdView = ItemOf<'/api/households'>;
export type HouseholdQuery = Filters<QueryOf<'/api/households', 'get'>>;
export type HouseholdInput = BodyOf<'/api/households', 'post'>;
export type HouseholdPatch = BodyOf<'/api/households/{id}', 'patch'>;
export type HouseholdLedger = ResponseOf<'/api/households/{id}', 'get'>;
export type HouseholdAward = ItemOf<'/api/households/awards'>;
/** The award form's text fields (multipart, so the document has no body type): as an award names them. */
export type AwardFields = Pick<HouseholdAward, 'ruleId' | 'note'>;
export type AwardQuery = Filters<QueryOf<'/api/households/awards', 'get'>>;
export type HouseholdRule = ResponseOf<'/api/households/rules', 'get'>['items'][number];
export type HouseholdRuleInput = BodyOf<'/api/households/rules', 'post'>;
export type HouseholdRulePatch = BodyOf<'/api/households/rules/{id}', 'patch'>;
export type HouseholdSettings = ResponseOf<'/api/households/settings', 'get'>;
export type HouseholdSettingsPatch = BodyOf<'/api/households/settings', 'patch'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const householdsApi = {
  list: (query: HouseholdQuery) => call(api.GET('/api/households', { params: { query: toQuery(query) } })),
  ledger: (id: number) => call(api.GET('/api/households/{id}', byId(id))),
  create: (body: HouseholdInput) => call(api.POST('/api/households', { body })),
  update: (id: number, body: HouseholdPatch) =>
    call(api.PATCH('/api/households/{id}', { ...byId(id), body })),
  reveal: (id: number) => call(api.POST('/api/households/{id}/reveal', byId(id))),
  /** an award with its evidence photo, in one request (the server refuses one without a photo) */
  award: (id: number, body: AwardFields, photo: File) =>
    upload('/api/households/{id}/awards', photo, undefined, {
      url: `/api/households/${id}/awards`,
      name: photo.name,
      fields: { ruleId: String(body.ruleId), note: body.note },
    }),
  awards: (query: AwardQuery) =>
    call(api.GET('/api/households/awards', { params: { query: toQuery(query) } })),
  setAwardPhoto: (id: number, file: File) =>
    upload('/api/households/awards/{id}/photo', file, undefined, {
      url: `/api/households/awards/${id}/photo`,
      name: file.name,
    }),
  confirm: (id: number) => call(api.POST('/api/households/awards/{id}/confirm', byId(id))),
  reject: (id: number, reason: string) =>
    call(api.POST('/api/households/awards/{id}/reject', { ...byId(id), body: { reason } })),
  void: (id: number, reason: string) =>
    call(api.POST('/api/households/awards/{id}/void', { ...byId(id), body: { reason } })),
  rules: () => call(api.GET('/api/households/rules', {})),
  createRule: (body: HouseholdRuleInput) => call(api.POST('/api/households/rules', { body })),
  updateRule: (id: number, body: HouseholdRulePatch) =>
    call(api.PATCH('/api/households/rules/{id}', { ...byId(id), body })),
  settings: () => call(api.GET('/api/households/settings', {})),
  updateSettings: (body: HouseholdSettingsPatch) => call(api.PATCH('/api/households/settings', { body })),
  redeemAtCounter: (body: BodyOf<'/api/store/redemptions/household', 'post'>) =>
    call(api.POST('/api/store/redemptions/household', { body })),
};
