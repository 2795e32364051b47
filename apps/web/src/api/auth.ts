// Signing in and out, the password and two-factor setup. Session errors here are the caller's.
import { solveLoginChallenge } from '@civic/contracts';
import { api, ApiError, call, type BodyOf, type ResponseOf } from './http';

export type SessionResponse = ResponseOf<'/api/auth/me', 'get'>;
export type Me = SessionResponse['user'];
export type TotpSetup = ResponseOf<'/api/auth/totp/setup', 'post'>;

const own = { skipSessionHandler: true };

type LoginBody = BodyOf<'/api/auth/login', 'post'>;

/**
 * Signs in. When the server asks this address for a solved challenge (many failed logins from one
 * network, e.g. a village behind one NAT), the browser solves the proof of work by itself — about
 * a second — and sends the same login again with it.
 */
async function login(body: LoginBody): Promise<SessionResponse> {
  try {
    return await call(api.POST('/api/auth/login', { body }), own);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'CHALLENGE_REQUIRED' || body.challenge) throw error;
    const { token, difficulty } = await call(api.GET('/api/auth/challenge'), own);
    const challenge = await solveLoginChallenge(token, difficulty);
    return call(api.POST('/api/auth/login', { body: { ...body, challenge } }), own);
  }
}

export const authApi = {
  login,
  logout: () => call(api.POST('/api/auth/logout'), own),
  me: () => call(api.GET('/api/auth/me'), own),
  changePassword: (body: BodyOf<'/api/auth/password', 'post'>) =>
    call(api.POST('/api/auth/password', { body }), own),
  totpSetup: () => call(api.POST('/api/auth/totp/setup'), own),
  totpEnable: (code: string) => call(api.POST('/api/auth/totp/enable', { body: { code } }), own),
};
