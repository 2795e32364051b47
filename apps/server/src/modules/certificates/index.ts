// Certificates (志愿服务记录证明): PDF certificates of a volunteer's confirmed service over a period,
// issued by the org that organised it or one above it — by an admin in the console or by the
// volunteer on H5 — signed by the platform with SM2, verifiable by anyone at /h5/verify/<serial>,
// and revocable by an issuer with a reason. It owns the certificates table and reads service
// records only through the hours module.
import { defineModule } from '../../platform/module.ts';
import { certificatesRoutes } from './certificates.routes.ts';

export { chooseIssuerPath, issueCertificateIn, newSerial } from './certificates.service.ts';
export { SELF_SERVICE_HANDLER } from './certificate-content.ts';

export const certificatesModule = defineModule({
  name: 'certificates',
  description: '志愿服务记录证明：出具（管理端/志愿者本人）、PDF、SM2 签名与公开核验、撤销',
  routes: [certificatesRoutes],
  permissions: ['certificate.issue'],
  tables: ['certificates'],
});
