// Volunteers: real-name registration on H5, the volunteer register in the console, masking and
// audited reveal of personal data, exports and the Excel import.
import { defineModule } from '../../platform/module.ts';
import { volunteersRoutes } from './volunteers.routes.ts';

export { yearHours } from './volunteer-view.ts';

export const volunteersModule = defineModule({
  name: 'volunteers',
  description: '志愿者：H5 实名注册与本人信息、管理端名册、明文查看、导出与 Excel 导入',
  routes: [volunteersRoutes],
  permissions: [
    'volunteer.read',
    'volunteer.write',
    'volunteer.export',
    'volunteer.import',
    'volunteer.unmask',
    'volunteer.self',
  ],
  tables: ['volunteers', 'volunteer_imports'],
});
