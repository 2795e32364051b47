// Certificates (志愿服务记录证明): the console's list, issue, PDF and revocation; the volunteer's own
// certificates on H5; and the public verification by serial (no account).
import {
  api,
  call,
  download,
  toQuery,
  type BodyOf,
  type Filters,
  type ItemOf,
  type QueryOf,
  type ResponseOf,
} from './http';

export type Certificate = ItemOf<'/api/certificates'>;
export type CertificateQuery = Filters<QueryOf<'/api/certificates', 'get'>>;
export type IssueInput = BodyOf<'/api/certificates', 'post'>;
export type PeriodInput = BodyOf<'/api/me/certificates', 'post'>;
export type CertificateVerification = ResponseOf<'/api/public/certificates/{serial}', 'get'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const certificatesApi = {
  list: (query: CertificateQuery = {}) =>
    call(api.GET('/api/certificates', { params: { query: toQuery(query) } })),
  issue: (body: IssueInput) => call(api.POST('/api/certificates', { body })),
  revoke: (id: number, reason: string) =>
    call(api.POST('/api/certificates/{id}/revoke', { ...byId(id), body: { reason } })),
  downloadPdf: (c: Pick<Certificate, 'id' | 'serial'>) =>
    download(`/api/certificates/${c.id}/pdf`, undefined, `志愿服务记录证明-${c.serial}.pdf`),
};

export const myCertificatesApi = {
  mine: () => call(api.GET('/api/me/certificates')),
  issue: (body: PeriodInput) => call(api.POST('/api/me/certificates', { body })),
  pdfUrl: (id: number) => `/api/me/certificates/${id}/pdf`,
};

export const publicCertificatesApi = {
  verify: (serial: string) =>
    call(api.GET('/api/public/certificates/{serial}', { params: { path: { serial } } }), {
      skipSessionHandler: true,
    }),
};
