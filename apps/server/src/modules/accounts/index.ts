// Accounts: login, sessions, password and TOTP, and the security admin's accounts and roles.
import { defineModule } from '../../platform/module.ts';
import { accountsRoutes } from './accounts.routes.ts';

export { meOf } from './auth.service.ts';
export { meSchema } from './accounts.schema.ts';
export { generateInitialPassword } from './users.service.ts';
export {
  closeVolunteerAccount,
  openVolunteerAccount,
  updateVolunteerAccount,
  type VolunteerAccountInput,
} from './volunteer-accounts.ts';

export const accountsModule = defineModule({
  name: 'accounts',
  description: '登录、会话、改密与两步验证；账号与角色管理（安全管理员）',
  routes: [accountsRoutes],
  permissions: ['account.manage', 'account.activate'],
  tables: ['users', 'sessions', 'login_failures', 'login_challenges_used'],
});
