// Signing in and out, the password and two-factor setup. Session errors here are the caller's.
import { api, call, type BodyOf, type ResponseOf } from './http';

export type SessionResponse = ResponseOf<'/api/auth/me', 'get'>;
export type Me = SessionResponse['user'];
export type TotpSetup = ResponseOf<'/api/auth/totp/setup', 'post'>;

const own = { skipSessionHandler: true };

export const authApi = {
  login: (body: BodyOf<'/api/auth/login', 'post'>) => call(api.POST('/api/auth/login', { body }), own),
  logout: () => call(api.POST('/api/auth/logout'), own),
  me: () => call(api.GET('/api/auth/me'), own),
  changePassword: (body: BodyOf<'/api/auth/password', 'post'>) =>
    call(api.POST('/api/auth/password', { body }), own),
  totpSetup: () => call(api.POST('/api/auth/totp/setup'), own),
  totpEnable: (code: string) => call(api.POST('/api/auth/totp/enable', { body: { code } }), own),
};
