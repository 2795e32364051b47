import { http } from './http';
import type { OkResponse, SessionResponse, TotpSetup } from './types';

export const authApi = {
  login: (body: { username: string; password: string; totp?: string }) =>
    http.post<SessionResponse>('/api/auth/login', body, { skipSessionHandler: true }),
  logout: () => http.post<OkResponse>('/api/auth/logout', undefined, { skipSessionHandler: true }),
  me: () => http.get<SessionResponse>('/api/auth/me', undefined, { skipSessionHandler: true }),
  changePassword: (body: { oldPassword: string; newPassword: string }) =>
    http.post<OkResponse>('/api/auth/password', body, { skipSessionHandler: true }),
  totpSetup: () => http.post<TotpSetup>('/api/auth/totp/setup', undefined, { skipSessionHandler: true }),
  totpEnable: (code: string) =>
    http.post<OkResponse>('/api/auth/totp/enable', { code }, { skipSessionHandler: true }),
};
