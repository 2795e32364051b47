// The one transport shared by every face of the web app: openapi-fetch typed by the server's OpenAPI
// document (./generated/schema.d.ts, written by `npm run api:generate`), the session cookie, the
// CSRF header, and the server's `{ code, message }` errors turned into ApiError. What to do on an
// auth error (navigate to the login page, …) is decided by the face that registers a handler.
// Files (exports, imports, photos) go through `send`, with the same headers and errors.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema';

export type { components, paths };

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

// ---- types derived from the generated document -------------------------------------------------

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body a route answers with (its 200 response). */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: { 200: infer R } } ? Json<R> : never;

/** The JSON body a route accepts. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query string a route accepts. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** A row of a paged list route (`{ items, total }`). */
export type ItemOf<P extends keyof paths, M extends Method = 'get'> =
  ResponseOf<P, M> extends { items: (infer Item)[] } ? Item : never;

/** A named schema component (the recursive trees). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Flag<V> = [Extract<V, 'true' | 'false'>] extends [never] ? never : boolean;

/**
 * Filters as the pages hold them: '' or null means "any" (a cleared select), and the server's
 * 'true' | 'false' query flags may be booleans. `toQuery` turns them into the route's query.
 */
export type Filters<Q> = { [K in keyof Q]?: Q[K] | Flag<Q[K]> | '' | null };

/** Drops empty filters (so blank search fields do not filter) and sends booleans as text. */
function cleaned(filters: object | undefined): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters ?? {}) as [string, unknown][]) {
    if (typeof value === 'string' && value !== '') query[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) query[key] = value;
    else if (typeof value === 'boolean') query[key] = String(value);
  }
  return query;
}

/** The route's query from the filters a page holds. */
export function toQuery<Q>(filters: Filters<Q> | undefined): Q {
  return cleaned(filters) as Q;
}

// ---- session errors and CSRF ------------------------------------------------------------------

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

export interface CallOptions {
  /** Do not hand session errors to the registered handler (the caller deals with them). */
  skipSessionHandler?: boolean;
}

/** The server's `{ code, message }` (or a proxy's error page) as an ApiError. */
function toApiError(status: number, body: unknown): ApiError {
  let code: string = status === 401 ? 'UNAUTHENTICATED' : 'UNKNOWN';
  let message = `请求失败（${status}）`;
  if (body && typeof body === 'object') {
    const data = body as { code?: unknown; message?: unknown };
    if (typeof data.code === 'string') code = data.code;
    if (typeof data.message === 'string' && data.message) message = data.message;
  }
  if (status === 429 && code === 'UNKNOWN') code = 'RATE_LIMITED';
  return new ApiError(status, code, message);
}

function failed(status: number, body: unknown, options: CallOptions): ApiError {
  const error = toApiError(status, body);
  if (!options.skipSessionHandler && SESSION_CODES.has(error.code) && sessionErrorHandler) {
    error.handled = sessionErrorHandler(error);
  }
  return error;
}

function networkError(cause: unknown): unknown {
  if (cause instanceof DOMException && cause.name === 'AbortError') return cause;
  if (cause instanceof ApiError) return cause;
  return new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
}

function withHeaders(request: Request): Request {
  if (!request.headers.has('accept')) request.headers.set('accept', 'application/json');
  if (request.method !== 'GET') {
    const token = getCsrfToken();
    if (token) request.headers.set('x-csrf-token', token);
  }
  return request;
}

// ---- the client -------------------------------------------------------------------------------

/** The typed client: `api.GET('/api/orgs/{id}', { params: { path: { id } } })`; wrap it in `call`. */
export const api = createClient<paths>({
  credentials: 'same-origin',
  // looked up on every request, not once: a test (or a service worker shim) may replace it
  fetch: (request) => fetch(request),
});
api.use({ onRequest: ({ request }) => withHeaders(request) });

/**
 * Resolves with the response body of a 2xx answer; throws ApiError otherwise (after handing
 * session errors to the registered handler).
 */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
  options: CallOptions = {},
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw networkError(cause);
  }
  if (!result.response.ok) throw failed(result.response.status, result.error, options);
  return result.data as T;
}

export interface SendOptions extends CallOptions {
  method?: 'GET' | 'POST';
  /** Sent as the query string; empty values are dropped. */
  query?: object;
  /** A multipart form (uploads). */
  body?: FormData;
}

/** For what is not JSON (files in, files out): the raw Response when it is 2xx, else ApiError. */
export async function send(path: string, options: SendOptions = {}): Promise<Response> {
  const entries = Object.entries(cleaned(options.query)).map(([key, value]) => [key, String(value)]);
  const search = new URLSearchParams(entries).toString();
  const request = withHeaders(
    new Request(search ? `${path}?${search}` : path, {
      method: options.method ?? 'GET',
      body: options.body,
      credentials: 'same-origin',
    }),
  );
  let response: Response;
  try {
    response = await fetch(request);
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw failed(response.status, body, options);
  }
  return response;
}

/** Uploads a file as the multipart field `file` (with the route's query); resolves with its JSON answer. */
export async function upload<P extends keyof paths>(
  path: P,
  file: Blob,
  query?: SendOptions['query'],
  /**
   * url: the path with its parameters filled in (the template P types the answer); name: the file's;
   * fields: text fields sent before the file (the server reads those that come first)
   */
  extra: CallOptions & { url?: string; name?: string; fields?: Record<string, string> } = {},
): Promise<ResponseOf<P, 'post'>> {
  const { url, name, fields, ...options } = extra;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields ?? {})) form.append(key, value);
  if (name === undefined) form.append('file', file);
  else form.append('file', file, name);
  const response = await send(url ?? path, { ...options, method: 'POST', body: form, query });
  return (await response.json()) as ResponseOf<P, 'post'>;
}

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
export async function download(
  path: string,
  query: SendOptions['query'] | undefined,
  fallbackName: string,
): Promise<void> {
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
