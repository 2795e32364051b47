// Thin fetch wrapper shared by every face of the web app: JSON in/out, session cookie, CSRF header,
// and the server's `{ code, message }` errors turned into ApiError. What to do on an auth error
// (navigate to the login page, …) is decided by the face that registers a handler.

export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOTP_REQUIRED'
  | 'TOTP_INVALID'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'TOTP_SETUP_REQUIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VALIDATION'
  | 'CSRF'
  | 'NETWORK'
  | 'UNKNOWN'
  | (string & {});

export class ApiError extends Error {
  /** Set when a registered handler already dealt with the error (e.g. redirected to /login). */
  handled = false;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes that mean "the session itself must be fixed first"; a registered handler reacts to them. */
const SESSION_CODES = new Set<string>(['UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED', 'TOTP_SETUP_REQUIRED']);

type SessionErrorHandler = (error: ApiError) => boolean;
let sessionErrorHandler: SessionErrorHandler | null = null;

/** Registers what happens on UNAUTHENTICATED / PASSWORD_CHANGE_REQUIRED / TOTP_SETUP_REQUIRED. */
export function onSessionError(handler: SessionErrorHandler): void {
  sessionErrorHandler = handler;
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const item = part.trim();
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length));
  }
  return null;
}

/** The token to send; the non-httpOnly `csrf_token` cookie is the fallback after a reload. */
export function getCsrfToken(): string | null {
  return csrfToken ?? readCookie('csrf_token');
}

/** Any plain object of filters; string/number/boolean values are sent, empty ones dropped. */
export type Query = object;

/** Builds `?a=1&b=2`, dropping empty values so blank search fields do not filter. */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (typeof value === 'string' && value !== '') params.append(key, value);
    else if (typeof value === 'number' && Number.isFinite(value)) params.append(key, String(value));
    else if (typeof value === 'boolean') params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Plain objects are sent as JSON; FormData is sent as multipart. */
  body?: unknown;
  /** Do not hand session errors to the registered handler (the caller deals with them). */
  skipSessionHandler?: boolean;
  signal?: AbortSignal;
}

async function toApiError(response: Response): Promise<ApiError> {
  let code: string = response.status === 401 ? 'UNAUTHENTICATED' : 'UNKNOWN';
  let message = `请求失败（${response.status}）`;
  try {
    const data = (await response.json()) as { code?: unknown; message?: unknown };
    if (typeof data.code === 'string') code = data.code;
    if (typeof data.message === 'string' && data.message) message = data.message;
  } catch {
    // Not JSON (proxy error page, …): keep the generic message.
  }
  if (response.status === 429 && code === 'UNKNOWN') code = 'RATE_LIMITED';
  return new ApiError(response.status, code, message);
}

/** Sends the request and returns the raw Response when it is 2xx; throws ApiError otherwise. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = getCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (!options.skipSessionHandler && SESSION_CODES.has(error.code) && sessionErrorHandler) {
      error.handled = sessionErrorHandler(error);
    }
    throw error;
  }
  return response;
}

/** JSON request; resolves with the parsed body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>(path, { ...options, method: 'DELETE' }),
};

/** Reads the file name from Content-Disposition (RFC 5987 `filename*` first). */
function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads a file (e.g. the Excel export) through fetch so errors still come back as ApiError. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const response = await send(path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
